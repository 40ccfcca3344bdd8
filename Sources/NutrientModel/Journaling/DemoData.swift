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
    /// Finished trials (`trials.csv`), by their days.
    public let trials: [TrialDays]

    /// A trial, by its days.
    public struct TrialDays: Sendable, Equatable {
        public let name: String
        public let kind: TrialKind
        public let startOffset: Int
        public let weeks: Int
        public let reintroduceWeeks: Int
        public let endedOffset: Int?

        /// The trial dated for a demo that starts `today`.
        public func trial(today: LocalDate) -> Trial {
            Trial(name: name, kind: kind, start: today.adding(days: startOffset), weeks: weeks, reintroduceWeeks: reintroduceWeeks,
                  endedOn: endedOffset.map { today.adding(days: $0) })
        }
    }

    /// Reads the demo through `files` with the check-in and probiotic tables it is checked against.
    public init(directory: String, files: any DataFileReading, data: NutrientData) throws(DataLoadError) {
        try self.init(directory: directory, files: files, foods: data.foods, scales: data.checkInScales, strains: data.probiotics,
                      diets: data.diets)
    }

    /// Reads `profile.csv` and `meals.csv` (and, given the tables to check them by,
    /// `checkins.csv`, `probiotics.csv` and `trials.csv`) from `directory` through `files`,
    /// checking every food exists (and a trial's diet, given `diets`).
    public init(directory: String, files: any DataFileReading, foods: FoodTable, scales: CheckInScales? = nil,
                strains: ProbioticStrains? = nil, diets: DietTable? = nil) throws(DataLoadError) {
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
            var trials: [TrialDays] = []
            if let scales, let strains {
                let trialTable = try NamedCSVTable(bytes: try bytes("trials.csv"), fileName: path("trials.csv"),
                                                   columns: ["name", "kind", "value", "start_day", "weeks", "reintroduce_weeks", "ended_day"])
                for row in trialTable.rows {
                    guard let kind = TrialKind(key: row["kind"], value: row["value"]) else {
                        throw DataLoadError.csv(row.error("kind", "kind must be remove, add or supplement, found \"\(row["kind"].prefix(40))\""))
                    }
                    switch kind {
                    case .remove(let key):
                        if let diets, diets.diet(key) == nil { throw DataLoadError.csv(row.error("value", "no diet \"\(key.prefix(40))\" in diets.csv")) }
                    case .add(let id), .supplement(let id):
                        guard foods.index(of: id) != nil else { throw DataLoadError.csv(row.error("value", "no food has the id \"\(id.prefix(40))\"")) }
                    }
                    let weeks = try row.number("weeks"), back = try row.number("reintroduce_weeks")
                    guard weeks >= 1, weeks == weeks.rounded(), back >= 0, back == back.rounded() else {
                        throw DataLoadError.csv(row.error("weeks", "weeks must be a whole number from 1, reintroduce_weeks from 0"))
                    }
                    trials.append(TrialDays(name: row["name"], kind: kind, startOffset: Int(try row.number("start_day")), weeks: Int(weeks),
                                            reintroduceWeeks: Int(back),
                                            endedOffset: row["ended_day"].isEmpty ? nil : Int(try row.number("ended_day"))))
                }
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
            self.trials = trials
        } catch let error as DataLoadError {
            throw error
        } catch let error as CSVError {
            throw .csv(error)
        } catch {
            throw .csv(CSVError(file: directory, line: 1, column: 1, message: "\(error)"))
        }
    }
}
