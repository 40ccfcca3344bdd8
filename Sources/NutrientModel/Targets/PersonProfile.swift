/// A person's sex, as the DRIs distinguish it.
public enum Sex: String, Sendable, Codable, CaseIterable {
    case female, male
}

/// Pregnancy or lactation, which have their own DRIs.
public enum PhysiologicalCondition: String, Sendable, Codable, CaseIterable {
    case none, pregnancy, lactation
}

/// What the targets depend on: sex, age and pregnancy or lactation. Any may be unset.
public struct PersonProfile: Sendable, Equatable {
    /// The person's name as shown.
    public var name: String
    /// Sex, or `nil` until the person sets it.
    public var sex: Sex?
    /// Age in completed months (34 years = 408), or `nil` until set.
    public var ageMonths: Int?
    /// Pregnancy, lactation or neither.
    public var condition: PhysiologicalCondition
    /// The person's own meal-fat threshold for fat pairing, set by a clinician (`nil`:
    /// the one in Data/absorption.csv).
    public var fatThresholdGrams: Double?
    /// The diets the person follows (keys of Data/diets.csv): the planner keeps to them.
    public var diets: Set<String>
    /// Foods (supplement ids) a clinician prescribed this person: a dose above an upper
    /// limit that comes from one of them is still "above the upper limit", but its
    /// caution says it was prescribed rather than alarming.
    public var prescribed: Set<String>
    /// The check-in scales a clinician chose for this person, in `CheckInScale` order;
    /// empty until chosen (then every scale is offered: `trackedScales`).
    public var scales: [CheckInScale] = []

    /// The scales the check-ins and screens show: those chosen, or all until some are.
    public var trackedScales: [CheckInScale] { scales.isEmpty ? CheckInScale.allCases : scales }

    /// Makes a profile.
    public init(name: String, sex: Sex? = nil, ageMonths: Int? = nil,
                condition: PhysiologicalCondition = .none, fatThresholdGrams: Double? = nil, diets: Set<String> = [],
                prescribed: Set<String> = [], scales: [CheckInScale] = []) {
        self.name = name
        self.sex = sex
        self.ageMonths = ageMonths
        self.condition = condition
        self.fatThresholdGrams = fatThresholdGrams
        self.diets = diets
        self.prescribed = prescribed
        self.scales = Set(scales).sorted()
    }

    /// Whether the targets are defaults because sex or age is not set.
    public var usesDefaults: Bool { sex == nil || ageMonths == nil }

    /// "34 y", "8 months", or `nil` if not set.
    public var ageText: String? {
        guard let months = ageMonths else { return nil }
        return months < 24 ? "\(months) months" : "\(months / 12) y"
    }

    /// The oldest age a profile (or a life stage's bound) may give: 130 years, above the
    /// oldest person recorded.
    public static let maxAgeMonths = 130 * 12

    /// Checks the combination makes sense (only females can be pregnant or lactating).
    public func validate() throws(ProfileError) {
        if condition != .none, sex == .male {
            throw ProfileError("a profile set to male cannot be pregnant or lactating: set --sex female or --neither")
        }
        if let months = ageMonths, months < 0 || months > Self.maxAgeMonths {
            throw ProfileError("an age must be between 0 months and \(Self.maxAgeMonths / 12) years")
        }
        if let grams = fatThresholdGrams, !(grams >= 0 && grams <= 100) {
            throw ProfileError("a meal-fat threshold must be between 0 and 100 g")
        }
    }

    /// Parses an age a person typed: "34", "34y", "8 months", "8m".
    public static func parseAge(_ text: String) throws(ProfileError) -> Int {
        let trimmed = text.trimmingSpaces().lowercased()
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        let unit = String(trimmed.dropFirst(digits.count)).trimmingSpaces()
        guard !digits.isEmpty, let number = Int(digits), number <= 1560 else {
            throw ProfileError("\"\(text)\" is not an age: give whole years (34) or months for infants (8m)")
        }
        switch unit {
        case "", "y", "yr", "yrs", "year", "years": return number * 12
        case "m", "mo", "month", "months": return number
        default:
            throw ProfileError("\"\(text)\" is not an age: the unit must be years (34) or months (8m)")
        }
    }
}

/// A profile that cannot be used as given.
public struct ProfileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong and how to fix it.
    public let description: String
    /// Makes an error with a message.
    public init(_ description: String) { self.description = description }
}

/// A profile as the journal stores it: its id and the person. The dashboard and the
/// command line both work with it.
public struct StoredProfile: Sendable, Equatable {
    /// The journal's id for the profile.
    public let id: Int64
    /// The person.
    public var profile: PersonProfile

    /// Makes a stored profile.
    public init(id: Int64, profile: PersonProfile) {
        self.id = id
        self.profile = profile
    }
}
