/// The demo patient from `Data/demo/`: a profile and fourteen days of meals, dated
/// relative to the day the demo starts, so that the demo always shows "this week".
public struct DemoData: Sendable {
    public struct Meal: Sendable, Equatable {
        /// Days before the demo's today (0 is today, -13 is the first day).
        public let dayOffset: Int
        public let meal: NutrientModel.Meal
        public let foodID: String
        public let grams: Double
    }

    public let profile: PersonProfile
    public let meals: [Meal]

    /// Reads `profile.csv` and `meals.csv` from `directory` through `files`, checking
    /// every food exists.
    public init(directory: String, files: any DataFileReading, foods: FoodTable) throws(DataLoadError) {
        func path(_ name: String) -> String { directory + "/" + name }
        func bytes(_ name: String) throws(DataLoadError) -> [UInt8] {
            do { return try files.bytes(atPath: path(name)) } catch { throw .file(error) }
        }
        do {
            let profiles = try NamedCSVTable(bytes: try bytes("profile.csv"), fileName: path("profile.csv"),
                                             columns: ["name", "sex", "age_years", "condition", "diets", "fat_threshold_g"])
            guard let row = profiles.rows.first else {
                throw DataLoadError.csv(CSVError(file: path("profile.csv"), line: 2, column: 1, message: "no profile"))
            }
            var person = PersonProfile(name: row["name"], sex: Sex(rawValue: row["sex"]),
                                       ageMonths: Int(try row.number("age_years") * 12),
                                       condition: PhysiologicalCondition(rawValue: row["condition"]) ?? .none)
            person.diets = Set(row["diets"].split(separator: ";").map(String.init))
            if !row["fat_threshold_g"].isEmpty { person.fatThresholdGrams = try row.number("fat_threshold_g") }
            profile = person
            let table = try NamedCSVTable(bytes: try bytes("meals.csv"), fileName: path("meals.csv"),
                                          columns: ["day", "meal", "food_id", "grams", "note"])
            var meals: [Meal] = []
            for row in table.rows {
                guard let meal = NutrientModel.Meal(rawValue: row["meal"]) else {
                    throw DataLoadError.csv(row.error("meal", "unknown meal \"\(row["meal"])\""))
                }
                guard foods.index(of: row["food_id"]) != nil else {
                    throw DataLoadError.csv(row.error("food_id", "no food has the id \"\(row["food_id"])\""))
                }
                let grams = try row.number("grams")
                guard grams > 0 else { throw DataLoadError.csv(row.error("grams", "an entry must weigh more than 0 g")) }
                meals.append(Meal(dayOffset: Int(try row.number("day")), meal: meal, foodID: row["food_id"], grams: grams))
            }
            self.meals = meals
        } catch let error as DataLoadError {
            throw error
        } catch let error as CSVError {
            throw .csv(error)
        } catch {
            throw .csv(CSVError(file: directory, line: 1, column: 1, message: "\(error)"))
        }
    }
}
