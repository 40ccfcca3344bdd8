import NutrientModel

// Public initialisers for the archive's items, so that another reader (a Cronometer
// export) can build an archive and import it through the same checks and transaction.

extension JournalArchive.Profile {
    /// A profile as an archive holds it, with no targets, favourites or entries yet.
    public init(name: String, sex: String?, ageMonths: Int?, condition: String, fatThresholdGrams: Double?,
                diets: [String], prescribed: [String]?, active: Bool, createdAt: String) {
        self.name = name
        self.sex = sex
        self.ageMonths = ageMonths
        self.condition = condition
        self.fatThresholdGrams = fatThresholdGrams
        self.diets = diets
        self.prescribed = prescribed
        self.active = active
        self.createdAt = createdAt
    }
}

extension JournalArchive.EntryRecord {
    /// An entry as an archive holds it.
    public static func make(date: String, meal: String, foodID: String, grams: Double, loggedAt: String) -> Self {
        Self(date: date, meal: meal, foodID: foodID, grams: grams, loggedAt: loggedAt)
    }
}

extension JournalArchive.CustomFood {
    /// A custom food as an archive holds it: values per 100 g by column name.
    public static func make(id: String, description: String, values: [String: Double], portions: [JournalArchive.PortionRecord],
                            createdAt: String) -> Self {
        Self(id: id, description: description, values: values, portions: portions, createdAt: createdAt)
    }
}

extension JournalArchive.PortionRecord {
    /// A measure as an archive holds it.
    public static func make(amount: Double, description: String, grams: Double) -> Self {
        Self(amount: amount, description: description, grams: grams)
    }
}
