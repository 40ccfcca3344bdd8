/// Adjustments to search ranks from `Data/search_ranking.csv`: foods people usually mean
/// (farmed Atlantic salmon among the salmon) rank up; forms they rarely mean unless they
/// say so (dried, powdered, baby food, brands, fast food) rank down. With them, the
/// everyday names of `Data/search_names.csv` and the short names of the foods people log
/// most, `Data/common_foods.csv`.
public struct SearchRanking: Sendable {
    /// Rank change per food id (negative ranks higher).
    public var foodAdjustments: [String: Double]
    /// Rank change for foods whose description has the word, unless the query names it.
    public var wordAdjustments: [String: Double]
    /// Rank change for foods of a food group, unless the query names a word of the group's name.
    public var groupAdjustments: [String: Double] = [:]
    /// Rank change for a food whose description has a brand (a word of three or more
    /// capital letters, as the USDA writes brands), unless the query names the brand.
    public var brandAdjustment: Double = 0
    /// Capitalised words that are not brands ("NFS", "DHA").
    public var notBrands: Set<String> = []
    /// Rank change per word of the food's name (the part of the description the query's
    /// first word is in, up to a comma) that the query does not name: "apple" means
    /// "Apples, raw" before "Apple juice". At most three words count.
    public var extraNameWordAdjustment: Double = 0
    /// Descriptions' first parts that name a kind of food rather than the food ("Fish",
    /// "Spices", "Beverages"): a food's words count from the part after it, so "oysters"
    /// finds "Mollusks, oyster" as soon as "Emu, oyster". Lower-case words, one space apart.
    public var categoryHeads: Set<String> = []
    /// Rank change for a food with a short name (`commonNames`): the foods people log most.
    public var commonFoodAdjustment: Double = 0
    /// Rank change for a person's own food or recipe (`FoodSource.custom`, `.recipe`): found
    /// by its name, behind the USDA's foods of the same words, unless logged often.
    public var ownFoodAdjustment: Double = 0
    /// A person's own food logged on at least this many days of the last 90 ranks as any
    /// other food (no `ownFoodAdjustment`).
    public var oftenLoggedDays: Double = 3
    /// The person's own foods logged often (ids), set by whoever knows the journal.
    public var oftenLogged: Set<String> = []
    /// How close (in rank) a runner-up must be to the best match for `absorb log add` to
    /// name it: the query may have meant it.
    public var closeRank: Double = 0.5
    /// Short plain names by food id, searched before the description and shown on screen.
    public var commonNames: [String: String] = [:]
    /// Everyday words that mean a USDA word ("courgette" → "zucchini"): a query word
    /// matches its alternatives' words too, as whole words.
    public var alternatives: [String: [String]] = [:]
    /// Everyday phrases written another way in the USDA's words ("porridge" → "oats
    /// cooked"): the query is searched rewritten, and as typed if the rewrite finds nothing.
    public var rewrites: [(typed: [String], means: [String])] = []

    /// Foods people ask for that the table does not have ("oat milk": SR28 is of 2015),
    /// by their typed words, with what to say: search must not log a baby cereal instead.
    public var absentFoods: [(typed: [String], reason: String)] = []

    /// No adjustments.
    public static let none = SearchRanking(foodAdjustments: [:], wordAdjustments: [:])

    /// Makes a ranking.
    public init(foodAdjustments: [String: Double], wordAdjustments: [String: Double]) {
        self.foodAdjustments = foodAdjustments
        self.wordAdjustments = wordAdjustments
    }

    /// Reads `search_ranking.csv`.
    public init(bytes: [UInt8], fileName: String) throws(CSVError) {
        self.init(foodAdjustments: [:], wordAdjustments: [:])
        let table = try NamedCSVTable(bytes: bytes, fileName: fileName, columns: ["kind", "key", "adjustment"])
        var rules: Set<String> = []
        for row in table.rows {
            let key = row["key"].trimmingSpaces()
            let kind = row["kind"].trimmingSpaces()
            if kind == "not_brand" {
                notBrands.insert(key.lowercased())
                continue
            }
            if kind == "category" {
                categoryHeads.insert(SearchText.words(key).map { String(decoding: $0, as: UTF8.self) }.joined(separator: " "))
                continue
            }
            let adjustment = try row.number("adjustment")
            switch kind {
            case "food": foodAdjustments[key] = adjustment
            case "word": wordAdjustments[key.lowercased()] = adjustment
            case "group": groupAdjustments[key] = adjustment
            case "rule":
                rules.insert(key)
                switch key {
                case "brand": brandAdjustment = adjustment
                case "extra_name_word": extraNameWordAdjustment = adjustment
                case "common_food": commonFoodAdjustment = adjustment
                case "close_rank": closeRank = adjustment
                case "own_food": ownFoodAdjustment = adjustment
                case "often_logged_days": oftenLoggedDays = adjustment
                default:
                    throw row.error("key", "unknown rule \"\(key)\": expected brand, extra_name_word, common_food, close_rank, own_food or often_logged_days")
                }
            default:
                throw row.error("kind", "unknown kind \"\(kind)\": expected food, word, group, rule, category or not_brand")
            }
        }
        // The rules have no default a person chose: without them (an empty or header-only
        // file) brands, extra words and common foods would silently stop counting.
        for rule in ["brand", "extra_name_word", "common_food", "close_rank", "own_food", "often_logged_days"] where !rules.contains(rule) {
            throw CSVError(file: fileName, line: 1, column: 1, message: "no rule \"\(rule)\": search ranking needs the rules brand, extra_name_word, common_food, close_rank, own_food and often_logged_days")
        }
    }

    /// Adds the everyday names of `search_names.csv` (`typed,means,reason`): one word for
    /// one word is an alternative, anything longer a rewrite.
    public mutating func addNames(bytes: [UInt8], fileName: String) throws(CSVError) {
        let table = try NamedCSVTable(bytes: bytes, fileName: fileName, columns: ["typed", "means", "reason"])
        for row in table.rows {
            let typed = SearchText.words(row["typed"]).map { String(decoding: $0, as: UTF8.self) }
            guard !typed.isEmpty else { throw row.error("typed", "the typed words are empty") }
            // `-`: the table has no such food; the reason says so.
            if row["means"].trimmingSpaces() == "-" {
                let reason = row["reason"].trimmingSpaces()
                guard !reason.isEmpty else { throw row.error("reason", "a food the table lacks needs the reason to say") }
                absentFoods.append((typed, reason))
                continue
            }
            let means = SearchText.words(row["means"]).map { String(decoding: $0, as: UTF8.self) }
            guard !means.isEmpty else { throw row.error("means", "the words it means are empty") }
            if typed.count == 1, means.count == 1 {
                alternatives[typed[0], default: []].append(means[0])
            } else {
                rewrites.append((typed, means))
            }
        }
    }

    /// Adds the short names of `common_foods.csv` (`id,name,...`).
    public mutating func addCommonFoods(bytes: [UInt8], fileName: String) throws(CSVError) {
        let table = try NamedCSVTable(bytes: bytes, fileName: fileName, columns: ["id", "name"])
        for row in table.rows {
            let id = row["id"].trimmingSpaces()
            let name = row["name"].trimmingSpaces()
            guard !name.isEmpty else { throw row.error("name", "the short name of \(id) is empty") }
            if commonNames[id] != nil { throw row.error("id", "\(id) is named twice") }
            commonNames[id] = name
        }
    }
}
