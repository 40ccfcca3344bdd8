import Foundation

/// Whether a target is an RDA, an AI, or one a clinician set.
public enum TargetKind: String, Sendable, Codable {
    /// Recommended Dietary Allowance.
    case rda = "RDA"
    /// Adequate Intake: below it adequacy cannot be judged.
    case ai = "AI"
    /// A value set for this person, replacing the reference value.
    case custom = "custom"
}

/// A person's target for one nutrient, with its upper limit and where both come from.
public struct Target: Sendable, Equatable {
    /// The nutrient.
    public let nutrient: Nutrient
    /// The daily target in the nutrient's unit, or `nil` where no reference exists.
    public let value: Double?
    /// RDA, AI or custom.
    public let kind: TargetKind?
    /// Where the value comes from.
    public let source: String
    /// The Tolerable Upper Intake Level, or `nil` where none is set.
    public let upperLimit: Double?
    /// What part of intake the upper limit applies to.
    public let upperLimitBasis: UpperLimitBasis?
    /// Notes on the upper limit and the reference (ranges, cautions).
    public let note: String
    /// The reference value a custom target replaces.
    public let replacedReference: ReplacedReference?

    /// The unit the upper limit is counted in (retinol in µg, not µg RAE), if there is one.
    public var upperLimitUnit: String? { upperLimit == nil ? nil : upperLimitBasis?.unit(for: nutrient) }
    /// What the upper limit applies to, in words, if there is one.
    public var upperLimitText: String? { upperLimit == nil ? nil : upperLimitBasis?.description }

    /// A reference value that a custom target replaces, kept to show beside it.
    public struct ReplacedReference: Sendable, Equatable {
        /// The reference value.
        public let value: Double?
        /// Its kind.
        public let kind: TargetKind?
        /// Its source.
        public let source: String
    }
}

/// A clinician's or person's own target for a nutrient.
public struct TargetOverride: Sendable, Equatable {
    /// The nutrient.
    public let nutrient: Nutrient
    /// The daily target in the nutrient's unit.
    public let value: Double
    /// The day it was set.
    public let setOn: LocalDate

    /// Makes an override.
    public init(nutrient: Nutrient, value: Double, setOn: LocalDate) {
        self.nutrient = nutrient
        self.value = value
        self.setOn = setOn
    }
}

/// The targets that follow from a profile.
public struct TargetSet: Sendable, Equatable {
    /// The DRI life-stage group, e.g. "Females 31-50".
    public let lifeStage: String
    /// Why the targets are defaults, when sex or age is not set; `nil` otherwise.
    public let defaultsNote: String?
    /// One target per nutrient.
    public let targets: [Nutrient: Target]

    /// The target for a nutrient.
    public subscript(nutrient: Nutrient) -> Target { targets[nutrient]! }
}

/// The DRI tables from `Data/targets.csv` and `Data/life_stages.csv`.
public struct TargetTable: Sendable {
    struct Row: Sendable {
        let nutrient: Nutrient
        let sex: Sex?  // nil = any
        let condition: PhysiologicalCondition
        let ageFrom: Int
        let ageTo: Int?
        let value: Double?
        let kind: TargetKind?
        let upperLimit: Double?
        let basis: UpperLimitBasis?
        let note: String
        let source: String

        func matches(sex: Sex, condition: PhysiologicalCondition, ageMonths: Int) -> Bool {
            (self.sex == nil || self.sex == sex) && self.condition == condition
                && ageMonths >= ageFrom && (ageTo == nil || ageMonths < ageTo!)
        }
    }

    struct LifeStage: Sendable {
        let label: String
        let sex: Sex?
        let condition: PhysiologicalCondition
        let ageFrom: Int
        let ageTo: Int?
    }

    let rows: [Row]
    let lifeStages: [LifeStage]
    /// The age assumed while a profile's age is unset, in months.
    public let defaultAgeMonths: Int

    /// Reads the tables from their CSV bytes.
    public init(targets: [UInt8], targetsFile: String, lifeStages: [UInt8], lifeStagesFile: String,
                defaultAgeMonths: Int) throws(CSVError) {
        var rows: [Row] = []
        var ranges: [(nutrient: Nutrient, sex: Sex?, condition: PhysiologicalCondition, ageFrom: Int, ageTo: Int?, line: Int)] = []
        var header: CSVHeader?
        var c: [String: Int] = [:]
        try CSVReader(bytes: targets, fileName: targetsFile).forEachRecord { record throws(CSVError) in
            guard let known = header else {
                let parsed = try CSVHeader(record: record)
                for name in ["nutrient", "sex", "condition", "age_from_months", "age_to_months", "value",
                             "kind", "upper_limit", "ul_applies_to", "note", "source"] {
                    c[name] = try parsed.position(of: name)
                }
                header = parsed
                return
            }
            try known.check(record)
            let nutrientText = try record.string(at: c["nutrient"]!)
            guard let nutrient = Nutrient(rawValue: nutrientText) else {
                throw record.error(at: c["nutrient"]!, "unknown nutrient \"\(nutrientText)\"")
            }
            let kindText = try record.string(at: c["kind"]!)
            let kind = TargetKind(rawValue: kindText)
            if kind == nil && !kindText.isEmpty {
                throw record.error(at: c["kind"]!, "kind must be RDA or AI, found \"\(kindText)\"")
            }
            let basisText = try record.string(at: c["ul_applies_to"]!)
            let basis = UpperLimitBasis(rawValue: basisText)
            if basis == nil && !basisText.isEmpty {
                throw record.error(at: c["ul_applies_to"]!, "ul_applies_to must be total, retinol or added_vitamin_e")
            }
            let upperLimit = try record.number(at: c["upper_limit"]!, column: "upper_limit")
            if (upperLimit == nil) != (basis == nil) {
                throw record.error(at: c["upper_limit"]!, "an upper limit and what it applies to go together")
            }
            let sex = try Self.sex(record, at: c["sex"]!)
            let condition = try Self.condition(record, at: c["condition"]!)
            let ageFrom = try Self.months(record, at: c["age_from_months"]!, column: "age_from_months") ?? 0
            let ageTo = try Self.months(record, at: c["age_to_months"]!, column: "age_to_months")
            // Two rows for the same nutrient, sex and condition whose ages overlap: which one
            // applies would depend on the order of the file.
            if let other = ranges.first(where: { $0.nutrient == nutrient && $0.sex == sex && $0.condition == condition
                                                  && ageFrom < ($0.ageTo ?? Int.max) && $0.ageFrom < (ageTo ?? Int.max) }) {
                throw record.error(at: c["age_from_months"]!,
                                   "the ages overlap those of line \(other.line) (\(nutrient.rawValue), sex \(sex?.rawValue ?? "any"), condition \(condition.rawValue)): each age needs one row")
            }
            ranges.append((nutrient, sex, condition, ageFrom, ageTo, record.line))
            rows.append(Row(
                nutrient: nutrient,
                sex: sex,
                condition: condition,
                ageFrom: ageFrom,
                ageTo: ageTo,
                value: try record.number(at: c["value"]!, column: "value"),
                kind: kind, upperLimit: upperLimit, basis: basis,
                note: try record.string(at: c["note"]!), source: try record.string(at: c["source"]!)))
        }
        // Every nutrient needs targets: an empty or header-only file would remove them all.
        if header == nil {
            throw CSVError(file: targetsFile, line: 1, column: 1, message: "the file is empty: expected a header line and a target for every nutrient")
        }
        for nutrient in Nutrient.allCases where !rows.contains(where: { $0.nutrient == nutrient }) {
            throw CSVError(file: targetsFile, line: 1, column: 1, message: "no target for \(nutrient.rawValue): every nutrient needs its targets")
        }
        var stages: [LifeStage] = []
        header = nil
        try CSVReader(bytes: lifeStages, fileName: lifeStagesFile).forEachRecord { record throws(CSVError) in
            guard let known = header else {
                let parsed = try CSVHeader(record: record)
                for name in ["label", "sex", "condition", "age_from_months", "age_to_months"] {
                    c[name] = try parsed.position(of: name)
                }
                header = parsed
                return
            }
            try known.check(record)
            stages.append(LifeStage(
                label: try record.string(at: c["label"]!),
                sex: try Self.sex(record, at: c["sex"]!),
                condition: try Self.condition(record, at: c["condition"]!),
                ageFrom: try Self.months(record, at: c["age_from_months"]!, column: "age_from_months") ?? 0,
                ageTo: try Self.months(record, at: c["age_to_months"]!, column: "age_to_months")))
        }
        guard !stages.isEmpty else {
            throw CSVError(file: lifeStagesFile, line: 1, column: 1, message: "no life stages: targets are chosen by life stage")
        }
        self.rows = rows
        self.lifeStages = stages
        self.defaultAgeMonths = defaultAgeMonths
    }

    private static func sex(_ record: borrowing CSVRecord, at index: Int) throws(CSVError) -> Sex? {
        let text = try record.string(at: index)
        if text == "any" { return nil }
        guard let sex = Sex(rawValue: text) else {
            throw record.error(at: index, "sex must be male, female or any, found \"\(text)\"")
        }
        return sex
    }

    private static func condition(_ record: borrowing CSVRecord, at index: Int) throws(CSVError) -> PhysiologicalCondition {
        let text = try record.string(at: index)
        guard let condition = PhysiologicalCondition(rawValue: text) else {
            throw record.error(at: index, "condition must be none, pregnancy or lactation, found \"\(text)\"")
        }
        return condition
    }

    private static func months(_ record: borrowing CSVRecord, at index: Int, column: String) throws(CSVError) -> Int? {
        guard let value = try record.number(at: index, column: column) else { return nil }
        guard value >= 0, value == value.rounded(), value <= Double(PersonProfile.maxAgeMonths) else {
            throw record.error(at: index, "\(column) must be a whole number of months from 0 to \(PersonProfile.maxAgeMonths)")
        }
        return Int(value)
    }

    /// The targets for a profile, with the person's own overrides applied.
    public func targets(for profile: PersonProfile,
                        overrides: [TargetOverride] = []) throws(ProfileError) -> TargetSet {
        try profile.validate()
        let age = profile.ageMonths ?? defaultAgeMonths
        let sexes: [Sex] = profile.sex.map { [$0] } ?? (profile.condition == .none ? [.female, .male] : [.female])
        var targets: [Nutrient: Target] = [:]
        for nutrient in Nutrient.allCases {
            // With sex unset, the higher of the two values, so no gap is understated.
            let candidates = sexes.compactMap { sex in
                rows.first { $0.nutrient == nutrient && $0.matches(sex: sex, condition: profile.condition, ageMonths: age) }
            }
            guard let row = candidates.max(by: { ($0.value ?? 0) < ($1.value ?? 0) }) else {
                if profile.condition != .none {
                    throw ProfileError(
                        "the DRIs give no \(profile.condition.rawValue) values for \(nutrient.name) at age \(profile.ageText ?? "?"): they cover ages 14 to 50")
                }
                targets[nutrient] = Target(
                    nutrient: nutrient, value: nil, kind: nil,
                    source: "no reference intake is set for this age", upperLimit: nil,
                    upperLimitBasis: nil, note: "", replacedReference: nil)
                continue
            }
            targets[nutrient] = Target(
                nutrient: nutrient, value: row.value, kind: row.kind, source: row.source,
                upperLimit: row.upperLimit, upperLimitBasis: row.basis, note: row.note,
                replacedReference: nil)
        }
        for override in overrides {
            let reference = targets[override.nutrient]!
            targets[override.nutrient] = Target(
                nutrient: override.nutrient, value: override.value, kind: .custom,
                source: "custom, set \(override.setOn.day) \(LocalDate.monthNames[override.setOn.month - 1].prefix(3)) \(override.setOn.year)",
                upperLimit: reference.upperLimit, upperLimitBasis: reference.upperLimitBasis,
                note: reference.note,
                replacedReference: .init(value: reference.value, kind: reference.kind, source: reference.source))
        }
        let stageSex = profile.sex ?? .female
        let stage = lifeStages.first {
            ($0.sex == nil || $0.sex == stageSex) && $0.condition == profile.condition
                && age >= $0.ageFrom && ($0.ageTo == nil || age < $0.ageTo!)
        }
        var label = stage?.label ?? "age \(profile.ageText ?? "?")"
        if profile.sex == nil, profile.condition == .none, let stage, stage.sex != nil {
            label = label.replacingOccurrences(of: "Females", with: "Adults")
        }
        var notes: [String] = []
        if profile.sex == nil { notes.append("sex is not set, so each target is the higher of the male and female values") }
        if profile.ageMonths == nil { notes.append("age is not set, so an adult of \(defaultAgeMonths / 12) is assumed") }
        let defaultsNote = notes.isEmpty ? nil
            : "Targets are defaults: " + notes.joined(separator: "; ") + ". Set them with `absorb profile set --sex ... --age ...`."
        return TargetSet(lifeStage: label, defaultsNote: defaultsNote, targets: targets)
    }
}
