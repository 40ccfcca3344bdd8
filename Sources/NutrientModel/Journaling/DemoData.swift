/// The demo patient from `Data/demo/`: a profile, fourteen days of meals and of skin and
/// gut check-ins, and a probiotic begun halfway, dated relative to the day the demo starts,
/// so that the demo always shows "this week".
public struct DemoData: Sendable {
    public struct Meal: Sendable, Equatable {
        /// Days before the demo's today (0 is today, -13 is the first day).
        public let dayOffset: Int
        public let meal: NutrientModel.Meal
        public let foodID: String
        public let grams: Double
    }

    /// A check-in, by its day.
    public struct CheckInDay: Sendable, Equatable {
        public let dayOffset: Int
        /// The check-in, dated `dayOffset` days from 1 January 2000 (use `checkIn(today:)`).
        let values: CheckIn

        /// The check-in dated for a demo that starts `today`.
        public func checkIn(today: LocalDate) -> CheckIn {
            var dated = values
            dated.date = today.adding(days: dayOffset)
            return dated
        }
    }

    /// A probiotic taken, by its day.
    public struct ProbioticDay: Sendable, Equatable {
        public let dayOffset: Int
        public let strain: ProbioticStrains.Strain
        public let units: Double
    }

    public let profile: PersonProfile
    public let meals: [Meal]
    public let checkIns: [CheckInDay]
    public let probiotics: [ProbioticDay]

    /// Reads the demo through `files` with the check-in and probiotic tables it is checked against.
    public init(directory: String, files: any DataFileReading, data: NutrientData) throws(DataLoadError) {
        try self.init(directory: directory, files: files, foods: data.foods, scales: data.checkInScales, strains: data.probiotics)
    }

    /// Reads `profile.csv` and `meals.csv` (and, given the tables to check them by,
    /// `checkins.csv` and `probiotics.csv`) from `directory` through `files`, checking every
    /// food exists.
    public init(directory: String, files: any DataFileReading, foods: FoodTable, scales: CheckInScales? = nil,
                strains: ProbioticStrains? = nil) throws(DataLoadError) {
        func path(_ name: String) -> String { directory + "/" + name }
        func bytes(_ name: String) throws(DataLoadError) -> [UInt8] {
            do { return try files.bytes(atPath: path(name)) } catch { throw .file(error) }
        }
        do {
            let profiles = try NamedCSVTable(bytes: try bytes("profile.csv"), fileName: path("profile.csv"),
                                             columns: ["name", "sex", "age_years", "condition", "diets", "fat_threshold_g", "scales"])
            guard let row = profiles.rows.first else {
                throw DataLoadError.csv(CSVError(file: path("profile.csv"), line: 2, column: 1, message: "no profile"))
            }
            var person = PersonProfile(name: row["name"], sex: Sex(rawValue: row["sex"]),
                                       ageMonths: Int(try row.number("age_years") * 12),
                                       condition: PhysiologicalCondition(rawValue: row["condition"]) ?? .none)
            person.diets = Set(row["diets"].split(separator: ";").map(String.init))
            if !row["fat_threshold_g"].isEmpty { person.fatThresholdGrams = try row.number("fat_threshold_g") }
            do { person.scales = try CheckInScale.parseList(row["scales"].replacingOccurrences(of: ";", with: ",")) } catch {
                throw DataLoadError.csv(row.error("scales", error.description))
            }
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
            var checkIns: [CheckInDay] = []
            var probiotics: [ProbioticDay] = []
            if let scales, let strains {
                let table = try NamedCSVTable(bytes: try bytes("checkins.csv"), fileName: path("checkins.csv"),
                                              columns: ["day", "itch", "spots", "poem", "bristol", "bloating", "note"])
                let origin = LocalDate(year: 2000, month: 1, day: 1)!
                for row in table.rows {
                    let offset = Int(try row.number("day"))
                    func value(_ scale: CheckInScale) throws(DataLoadError) -> Int? {
                        let text = row[scale.rawValue]
                        if text.isEmpty { return nil }
                        do { return try scales.parse(text, for: scale) } catch { throw DataLoadError.csv(row.error(scale.rawValue, error.description)) }
                    }
                    var checkIn = CheckIn(date: origin.adding(days: offset), itch: try value(.itch), spots: try value(.spots),
                                          bristol: try value(.bristol), bloating: try value(.bloating),
                                          note: row["note"].isEmpty ? nil : row["note"])
                    if !row["poem"].isEmpty {
                        do { checkIn.poemAnswers = try scales.parsePoemAnswers(row["poem"].replacingOccurrences(of: ";", with: ",")) } catch {
                            throw DataLoadError.csv(row.error("poem", error.description))
                        }
                    }
                    checkIns.append(CheckInDay(dayOffset: offset, values: checkIn))
                }
                let doses = try NamedCSVTable(bytes: try bytes("probiotics.csv"), fileName: path("probiotics.csv"),
                                              columns: ["day", "strain_id", "units"])
                for row in doses.rows {
                    guard let strain = strains.strain(row["strain_id"]) else {
                        throw DataLoadError.csv(row.error("strain_id", "no strain \"\(row["strain_id"].prefix(40))\" in probiotics.csv"))
                    }
                    let units = try row.number("units")
                    guard units > 0 else { throw DataLoadError.csv(row.error("units", "units must be more than 0")) }
                    probiotics.append(ProbioticDay(dayOffset: Int(try row.number("day")), strain: strain, units: units))
                }
            }
            self.checkIns = checkIns
            self.probiotics = probiotics
        } catch let error as DataLoadError {
            throw error
        } catch let error as CSVError {
            throw .csv(error)
        } catch {
            throw .csv(CSVError(file: directory, line: 1, column: 1, message: "\(error)"))
        }
    }
}
