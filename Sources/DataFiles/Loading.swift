import NutrientModel

extension NutrientData {
    /// Loads every table from the `Data/` folder at `directory`, read from disk. With a
    /// `cache`, the food table is read back from the copy made the last time these same
    /// CSVs were loaded, if there is one, and a copy is made after loading them otherwise.
    public init(directory: String, cache: FoodTableCache? = nil) throws(DataLoadError) {
        try self.init(directory: directory, files: DiskFiles(), cache: cache)
    }
}

extension DemoData {
    /// Reads the demo patient's `profile.csv` and `meals.csv` from `directory` on disk (and
    /// its check-ins and probiotics, given the tables to check them by).
    public init(directory: String, foods: FoodTable, scales: CheckInScales? = nil, strains: ProbioticStrains? = nil) throws(DataLoadError) {
        try self.init(directory: directory, files: DiskFiles(), foods: foods, scales: scales, strains: strains)
    }

    /// Reads the demo from disk with the check-in and probiotic tables of `data`.
    public init(directory: String, data: NutrientData) throws(DataLoadError) {
        try self.init(directory: directory, files: DiskFiles(), data: data)
    }
}
