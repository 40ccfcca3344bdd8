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
    /// Reads the demo patient's `profile.csv` and `meals.csv` from `directory` on disk.
    public init(directory: String, foods: FoodTable) throws(DataLoadError) {
        try self.init(directory: directory, files: DiskFiles(), foods: foods)
    }
}
