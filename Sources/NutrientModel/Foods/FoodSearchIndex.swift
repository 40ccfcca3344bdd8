/// Finds foods by words typed in any order, case-insensitive, each word matching the
/// start of a word in the food's description ("salmon cook" finds "Fish, salmon,
/// Atlantic, farmed, cooked, dry heat"), best match first.
///
/// A word also matches its other forms as whole words ("eggs" finds "Egg", "berries"
/// "berry") and the USDA words an everyday word means
/// (`SearchRanking.alternatives`: "courgette" finds "zucchini"); a phrase the USDA
/// writes another way is rewritten first (`SearchRanking.rewrites`: "porridge"). A food
/// with a short name (`SearchRanking.commonNames`) is found by it as well as by its
/// description.
///
/// The vocabulary is sorted, so the words a prefix matches form one contiguous range of
/// word ids; a food matches a query word when one of its words falls in that range (or is
/// one of the word's few other forms). Candidates come from the rarest query word's
/// postings, so a keystroke costs work in proportion to the matches, not to the table.
public struct FoodSearchIndex: Sendable {
    private let vocabulary: [[UInt8]]
    private let postings: [[Int32]]
    private let postingsBefore: [Int]  // cumulative posting counts, for range sizes
    private let wordsOfFood: [Int32]   // word ids of each food: its short name's, then its description's
    private let wordsStart: [Int32]    // food i's words are wordsOfFood[wordsStart[i]..<wordsStart[i+1]]
    private let descriptionStart: [Int32]  // where food i's description words start (after its short name)
    private let segmentOfWord: [UInt16]    // per word of wordsOfFood: which comma-separated part it is in
    private let categoryWords: [UInt8]     // per food: the words of its description's first part when that part is a category ("Fish")
    private let brandWord: [Bool]          // per word of wordsOfFood: a brand, as the USDA capitalises them
    private let baseScore: [Double]        // per food: its words' cost and every adjustment the query may not waive
    private let foodAdjustment: [Double]            // per food, from SearchRanking (and its short name)
    private let wordAdjustment: [Int32: Double]     // per word id, unless the query names it
    private let groupOfFood: [UInt16]
    private let groupAdjustment: [Double]           // per group number, unless the query names its words
    private let groupNameStems: [[Int32]]           // per group number, the stems of its name's words
    private let brandAdjustment: Double
    private let hasBrand: [Bool]
    private let extraNameWordAdjustment: Double
    private let stemOfWord: [Int32]                 // per word id, its stem's id
    private let stemIDs: [[UInt8]: Int32]
    private let wordsOfStem: [[Int32]]              // per stem id, the word ids with that stem
    private let alternatives: [[UInt8]: [[UInt8]]]  // by the typed word's stem
    private let rewrites: [(typed: [[UInt8]], means: [[UInt8]])]
    // For each of the first `tieredPositions` word positions, the foods whose word there is
    // w, grouped by word: `positionFoods[p][positionStarts[p][w] ..< positionStarts[p][w + 1]]`.
    // A one-word query that matches most of a large table visits its best-placed matches
    // first and stops when no food left can enter the results (see `tieredSearch`).
    private let positionFoods: [[Int32]]
    private let positionStarts: [[Int32]]
    // The least `0.05 × words + food adjustment` of any food not boosted, and whether every
    // other adjustment is a penalty (≥ 0): together they bound a food's score from below.
    private let leastBase: Double
    private let adjustmentsArePenalties: Bool
    private let isBoosted: [Bool]      // per food: whether it is in boostedFoods
    private let boostedFoods: [Int32]  // foods with a negative food adjustment, a short name or a category part (about 1,200)
    /// How many foods the index covers.
    public let foodCount: Int

    /// Word positions with their own postings (0 = a description's first word).
    static let tieredPositions = 4
    /// A one-word query with more postings than this takes the tiered path.
    static let tieredAbove = 5_000

    // The rank's terms, in one place: `score` adds them and `tieredSearch` bounds a score
    // from below with them, so the two must agree.
    /// Per word of a description (or of the short name, where the food has one): shorter
    /// names rank higher.
    static let costPerWord = 0.05
    /// A query word that is only the start of a food's word: "salmon" means the fish
    /// before "salmonberries" (a whole word, or another form of it, costs nothing).
    static func completionPenalty(extraLetters extra: Int) -> Double {
        extra > 0 ? 1.2 + 0.25 * Double(extra) : 0
    }
    /// The positions of a food's words that word adjustments apply to: its short name's if
    /// it has one, else its description's.
    static func adjustedWords(start: Int, described: Int, end: Int) -> Range<Int> {
        described > start ? start..<described : described..<end
    }
    /// What a description word of a food with a short name costs beyond its place in the description.
    static let descriptionAfterName = 1
    /// At most this many unnamed words of a food's name count against it.
    static let extraNameWordsCounted = 3

    /// Builds the index for every food in `table`, ranked with `ranking`.
    public init(table: FoodTable, ranking: SearchRanking = .none) {
        var idOfWord: [[UInt8]: Int32] = [:]
        var temporaryWords: [[UInt8]] = []
        var words: [Int32] = []
        var segments: [UInt16] = []
        var brands: [Bool] = []
        var starts: [Int32] = [0]
        var descriptionStarts: [Int32] = []
        var costWords: [Int] = []
        var categoryWords: [UInt8] = []
        words.reserveCapacity(table.count * 8)
        starts.reserveCapacity(table.count + 1)
        func add(_ word: [UInt8]) -> Int32 {
            if let id = idOfWord[word] { return id }
            let next = Int32(temporaryWords.count)
            temporaryWords.append(word)
            idOfWord[word] = next
            return next
        }
        for index in 0..<table.count {
            var segment: UInt16 = 0
            let name = ranking.commonNames[table.ids[index]]
            if let name {
                let named = SearchText.segmentedWords(name, notBrands: ranking.notBrands)
                for word in named {
                    words.append(add(word.word)); segments.append(word.segment); brands.append(false)
                }
                segment = (named.last?.segment ?? 0) + 1
                costWords.append(named.count)
            }
            descriptionStarts.append(Int32(words.count))
            let described = SearchText.segmentedWords(table.descriptions[index], notBrands: ranking.notBrands)
            for word in described {
                words.append(add(word.word)); segments.append(segment + word.segment); brands.append(word.isBrand)
            }
            if name == nil { costWords.append(described.count) }
            let firstPart = described.prefix { $0.segment == 0 }
            let head = firstPart.map { String(decoding: $0.word, as: UTF8.self) }.joined(separator: " ")
            categoryWords.append(firstPart.count < described.count && ranking.categoryHeads.contains(head) ? UInt8(firstPart.count) : 0)
            starts.append(Int32(words.count))
        }
        // Sort the vocabulary and renumber words in sorted order.
        let order = temporaryWords.indices.sorted { temporaryWords[$0].lexicographicallyPrecedes(temporaryWords[$1]) }
        var newID = [Int32](repeating: 0, count: order.count)
        for (sortedPosition, oldID) in order.enumerated() { newID[oldID] = Int32(sortedPosition) }
        vocabulary = order.map { temporaryWords[$0] }
        for i in words.indices { words[i] = newID[Int(words[i])] }
        var postings = [[Int32]](repeating: [], count: order.count)
        for food in 0..<table.count {
            for position in Int(starts[food])..<Int(starts[food + 1]) {
                let word = Int(words[position])
                if postings[word].last != Int32(food) { postings[word].append(Int32(food)) }
            }
        }
        var before = [0]
        before.reserveCapacity(postings.count + 1)
        for list in postings { before.append(before[before.count - 1] + list.count) }
        self.postings = postings
        self.postingsBefore = before
        self.wordsOfFood = words
        self.wordsStart = starts
        self.descriptionStart = descriptionStarts
        self.segmentOfWord = segments
        self.brandWord = brands
        self.categoryWords = categoryWords
        self.foodCount = table.count
        // Word forms: each word's stem, and the words of each stem.
        var stemIDs: [[UInt8]: Int32] = [:]
        var wordsOfStem: [[Int32]] = []
        var stemOfWord = [Int32](repeating: 0, count: vocabulary.count)
        for (id, word) in vocabulary.enumerated() {
            let stem = SearchText.stem(word)
            let stemID = stemIDs[stem] ?? {
                let next = Int32(wordsOfStem.count)
                stemIDs[stem] = next
                wordsOfStem.append([])
                return next
            }()
            stemOfWord[id] = stemID
            wordsOfStem[Int(stemID)].append(Int32(id))
        }
        self.stemIDs = stemIDs
        self.wordsOfStem = wordsOfStem
        self.stemOfWord = stemOfWord
        var alternatives: [[UInt8]: [[UInt8]]] = [:]
        for (typed, means) in ranking.alternatives {
            alternatives[SearchText.stem(Array(typed.utf8)), default: []] += means.map { Array($0.utf8) }
        }
        self.alternatives = alternatives
        self.rewrites = ranking.rewrites.map { ($0.typed.map { Array($0.utf8) }, $0.means.map { Array($0.utf8) }) }

        let foodAdjustment = (0..<table.count).map { food -> Double in
            let source = table.source(at: food)
            let ownAndRare = (source == .custom || source == .recipe) && !ranking.oftenLogged.contains(table.ids[food])
            return (ranking.foodAdjustments[table.ids[food]] ?? 0)
                + (ranking.commonNames[table.ids[food]] != nil ? ranking.commonFoodAdjustment : 0)
                + (ownAndRare ? ranking.ownFoodAdjustment : 0)
        }
        self.foodAdjustment = foodAdjustment
        var wordAdjustment: [Int32: Double] = [:]
        for (word, adjustment) in ranking.wordAdjustments {
            if let old = idOfWord[Array(word.utf8)] { wordAdjustment[newID[Int(old)]] = adjustment }
        }
        self.wordAdjustment = wordAdjustment
        let groupNames = table.groupNames
        var groupOfFood = [UInt16](repeating: 0, count: table.count)
        var groupNumber: [String: UInt16] = [:]
        for (number, name) in groupNames.enumerated() { groupNumber[name] = UInt16(number) }
        for food in 0..<table.count { groupOfFood[food] = groupNumber[table.group(at: food)] ?? 0 }
        self.groupOfFood = groupOfFood
        let groupAdjustment = groupNames.map { ranking.groupAdjustments[$0] ?? 0 }
        self.groupAdjustment = groupAdjustment
        self.groupNameStems = groupNames.map { name in
            SearchText.words(name).compactMap { stemIDs[SearchText.stem($0)] }
        }
        self.brandAdjustment = ranking.brandAdjustment
        self.extraNameWordAdjustment = ranking.extraNameWordAdjustment
        let hasBrand = (0..<table.count).map { food in
            (Int(descriptionStarts[food])..<Int(starts[food + 1])).contains { brands[$0] }
        }
        self.hasBrand = hasBrand
        self.baseScore = (0..<table.count).map { food in
            var total = Double(costWords[food]) * Self.costPerWord + foodAdjustment[food]
            // A short name says what the food is: its words, not the description's, are adjusted.
            for position in Self.adjustedWords(start: Int(starts[food]), described: Int(descriptionStarts[food]), end: Int(starts[food + 1])) {
                total += wordAdjustment[words[position]] ?? 0
            }
            total += groupAdjustment[Int(groupOfFood[food])]
            if hasBrand[food] { total += ranking.brandAdjustment }
            return total
        }
        var positionFoods: [[Int32]] = []
        var positionStarts: [[Int32]] = []
        for position in 0..<Self.tieredPositions {
            var counts = [Int32](repeating: 0, count: order.count + 1)
            for food in 0..<table.count where Int(starts[food]) + position < Int(starts[food + 1]) {
                counts[Int(words[Int(starts[food]) + position]) + 1] += 1
            }
            for word in 0..<order.count { counts[word + 1] += counts[word] }
            var next = counts
            var foods = [Int32](repeating: 0, count: Int(counts[order.count]))
            for food in 0..<table.count where Int(starts[food]) + position < Int(starts[food + 1]) {
                let word = Int(words[Int(starts[food]) + position])
                foods[Int(next[word])] = Int32(food)
                next[word] += 1
            }
            positionFoods.append(foods)
            positionStarts.append(counts)
        }
        self.positionFoods = positionFoods
        self.positionStarts = positionStarts
        var boosted: [Int32] = []
        var leastBase = Double.infinity
        for food in 0..<table.count {
            if foodAdjustment[food] < 0 || descriptionStarts[food] != starts[food] || categoryWords[food] > 0 {
                boosted.append(Int32(food))
            } else {
                leastBase = min(leastBase, Double(costWords[food]) * Self.costPerWord + foodAdjustment[food])
            }
        }
        self.leastBase = leastBase
        self.boostedFoods = boosted
        var isBoosted = [Bool](repeating: false, count: table.count)
        for food in boosted { isBoosted[Int(food)] = true }
        self.isBoosted = isBoosted
        self.adjustmentsArePenalties = wordAdjustment.values.allSatisfy { $0 >= 0 }
            && groupAdjustment.allSatisfy { $0 >= 0 } && ranking.brandAdjustment >= 0
            && ranking.extraNameWordAdjustment >= 0
    }

    /// What one query word matches: the words it starts, and the other forms and meanings
    /// of the whole word outside that range.
    struct Matcher {
        var range: Range<Int>
        var others: [Int32]  // sorted, outside `range`
        var stem: Int32      // the typed word's stem id, or -1
        var length: Int      // letters typed

        func matches(_ word: Int) -> Bool {
            range.contains(word) || (!others.isEmpty && others.contains(Int32(word)))
        }
    }

    private func matcher(_ token: [UInt8]) -> Matcher {
        let range = range(ofPrefix: token)
        let stem = SearchText.stem(token)
        let stemID = stemIDs[stem] ?? -1
        var others: Set<Int32> = []
        if stemID >= 0 { others.formUnion(wordsOfStem[Int(stemID)]) }
        for meaning in alternatives[stem] ?? [] {
            if let id = stemIDs[SearchText.stem(meaning)] { others.formUnion(wordsOfStem[Int(id)]) }
        }
        return Matcher(range: range, others: others.filter { !range.contains(Int($0)) }.sorted(),
                       stem: stemID, length: token.count)
    }

    /// The cost of matching `word` for a query word: nothing for a whole word or another
    /// form of it, the completion penalty for a word it only starts.
    private func penalty(_ word: Int, _ matcher: Matcher) -> Double {
        if !matcher.range.contains(word) || stemOfWord[word] == matcher.stem { return 0 }
        return Self.completionPenalty(extraLetters: vocabulary[word].count - matcher.length)
    }

    /// The word ids whose words start with `prefix`.
    private func range(ofPrefix prefix: [UInt8]) -> Range<Int> {
        let low = lowerBound(prefix)
        var upperKey = prefix
        upperKey.append(0xFF)  // 0xFF never occurs in UTF-8, so it sorts after every continuation
        return low..<lowerBound(upperKey)
    }

    private func lowerBound(_ key: [UInt8]) -> Int {
        var low = 0
        var high = vocabulary.count
        while low < high {
            let middle = (low + high) / 2
            if vocabulary[middle].lexicographicallyPrecedes(key) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The positions of the foods that match every word of `query`, best first, at most
    /// `limit` of them.
    public func search(_ query: String, limit: Int = 20) -> [Int] {
        search(query, limit: limit, tieredAbove: Self.tieredAbove)
    }

    /// `search`, taking the tiered path for a one-word query with more than `tieredAbove`
    /// postings (tests compare both paths).
    func search(_ query: String, limit: Int, tieredAbove: Int) -> [Int] {
        scoredSearch(query, limit: limit, tieredAbove: tieredAbove).map(\.food)
    }

    /// `search` with each food's rank (lower is better): how close the runners-up are.
    public func scoredSearch(_ query: String, limit: Int = 20) -> [(food: Int, score: Double)] {
        scoredSearch(query, limit: limit, tieredAbove: Self.tieredAbove)
    }

    func scoredSearch(_ query: String, limit: Int, tieredAbove: Int) -> [(food: Int, score: Double)] {
        let tokens = SearchText.words(query)
        guard !tokens.isEmpty, limit > 0 else { return [] }
        let rewritten = rewrite(tokens)
        var found: [(score: Double, food: Int32)] = []
        if rewritten != tokens { found = search(tokens: rewritten, limit: limit, tieredAbove: tieredAbove) }
        if found.isEmpty { found = search(tokens: tokens, limit: limit, tieredAbove: tieredAbove) }
        return found.map { (Int($0.food), $0.score) }
    }

    /// The query's words with each everyday phrase in the USDA's words ("porridge" → "oats cooked").
    func rewrite(_ tokens: [[UInt8]]) -> [[UInt8]] {
        var tokens = tokens
        for rule in rewrites where rule.typed.count <= tokens.count {
            var start = 0
            while start + rule.typed.count <= tokens.count {
                let same = (0..<rule.typed.count).allSatisfy {
                    SearchText.stem(tokens[start + $0]) == SearchText.stem(rule.typed[$0])
                }
                if same {
                    tokens.replaceSubrange(start..<start + rule.typed.count, with: rule.means)
                    start += rule.means.count
                } else {
                    start += 1
                }
            }
        }
        return tokens
    }

    private func postingCount(_ matcher: Matcher) -> Int {
        postingsBefore[matcher.range.upperBound] - postingsBefore[matcher.range.lowerBound]
            + matcher.others.reduce(0) { $0 + postings[Int($1)].count }
    }

    private func search(tokens: [[UInt8]], limit: Int, tieredAbove: Int) -> [(score: Double, food: Int32)] {
        let matchers = tokens.map(matcher)
        if matchers.contains(where: { $0.range.isEmpty && $0.others.isEmpty }) { return [] }
        // Start from the query word with the fewest postings.
        let counts = matchers.map(postingCount)
        let rarest = counts.indices.min { counts[$0] < counts[$1] }!
        let waived = waivedAdjustments(matchers)
        if matchers.count == 1, matchers[0].others.isEmpty, counts[0] > tieredAbove,
           let found = tieredSearch(matchers[0], waived: waived, limit: limit) {
            return found
        }
        var candidates: [Int32] = []
        let rarestMatcher = matchers[rarest]
        if rarestMatcher.range.count == 1, rarestMatcher.others.isEmpty {
            candidates = postings[rarestMatcher.range.lowerBound]
        } else {
            var seen = [Bool](repeating: false, count: foodCount)
            for word in Array(rarestMatcher.range) + rarestMatcher.others.map(Int.init) {
                for food in postings[word] where !seen[Int(food)] {
                    seen[Int(food)] = true
                    candidates.append(food)
                }
            }
        }
        // The best `limit`, kept in a bounded heap: no full sort of thousands of matches.
        var best = TopK(limit: limit)
        for food in candidates {
            if let score = score(food: Int(food), matchers: matchers, waived: waived) {
                best.insert(score, food)
            }
        }
        return best.sorted()
    }

    /// The adjustments a query waives because it names them: the adjusted words it names,
    /// and the food groups whose name has one of its words.
    struct Waived {
        var words: [Int32: Double]
        var groups: [Bool]
    }

    private func waivedAdjustments(_ matchers: [Matcher]) -> Waived {
        var named: [Int32: Double] = [:]
        for (word, adjustment) in wordAdjustment where matchers.contains(where: { $0.matches(Int(word)) }) {
            named[word] = adjustment
        }
        let stems = Set(matchers.map(\.stem))
        let groups = groupNameStems.map { $0.contains(where: stems.contains) }
        return Waived(words: named, groups: groups)
    }

    /// The best `limit` foods for a one-word query that matches many foods, found without
    /// scoring them all; `nil` when the bound below cannot rule out the foods it did not
    /// visit (then the caller scores every match, as for any query).
    ///
    /// A food's score is its base (0.05 a word, its food adjustment, its penalties less
    /// those the query names, so never below `0.05 × words + food adjustment`) plus
    /// the position of its first matching word plus that word's completion penalty. Foods
    /// with a negative food adjustment, a short name or a category part are scored first;
    /// every other food is at least `leastBase + position + penalty`. (A food whose
    /// description starts with a category part is scored first too: its words count from
    /// after that part, so its position is not its word's place.) So (position, word)
    /// pairs are visited in order of `position + penalty`, each visiting the foods with
    /// that word at that position (and no match before it), until that bound exceeds the
    /// worst of a full result; foods matching only beyond the indexed positions are bounded
    /// the same way.
    func tieredSearch(_ matcher: Matcher, waived: Waived, limit: Int) -> [(score: Double, food: Int32)]? {
        guard adjustmentsArePenalties else { return nil }  // the bound needs them ≥ 0
        let matchers = [matcher]
        let range = matcher.range
        var tiers: [(cost: Double, position: Int, word: Int)] = []
        tiers.reserveCapacity(range.count * Self.tieredPositions)
        var leastPenalty = Double.infinity
        for word in range {
            let cost = penalty(word, matcher)
            leastPenalty = min(leastPenalty, cost)
            for position in 0..<Self.tieredPositions { tiers.append((Double(position) + cost, position, word)) }
        }
        tiers.sort { $0.cost < $1.cost }
        let beyond = Double(Self.tieredPositions) + leastPenalty  // the least cost of an unvisited match
        var best = TopK(limit: limit)
        for food in boostedFoods {
            if let score = score(food: Int(food), matchers: matchers, waived: waived) {
                best.insert(score, food)
            }
        }
        // Far below any score's scale: sums made in another order may differ in the last bits.
        let slack = 1e-9
        func ruledOut(_ cost: Double) -> Bool {
            guard let worst = best.worstScore, best.isFull else { return false }
            return leastBase + cost > worst + slack
        }
        for tier in tiers {
            if ruledOut(min(tier.cost, beyond)) { return best.sorted() }
            let starts = positionStarts[tier.position]
            for food in positionFoods[tier.position][Int(starts[tier.word])..<Int(starts[tier.word + 1])] {
                if isBoosted[Int(food)] { continue }  // scored above
                let food = Int(food)
                let first = Int(wordsStart[food])
                // A match before this position makes that one the food's first: its own tier.
                if (first..<first + tier.position).contains(where: { range.contains(Int(wordsOfFood[$0])) }) { continue }
                if let score = score(food: food, matchers: matchers, waived: waived) {
                    best.insert(score, Int32(food))
                }
            }
        }
        return ruledOut(beyond) ? best.sorted() : nil
    }

    /// What the tiered path alone answers for a one-word query (`nil`: it would defer to
    /// scoring every match). For tests.
    func tieredSearch(_ word: String, limit: Int) -> [Int]? {
        let tokens = SearchText.words(word)
        guard tokens.count == 1 else { return nil }
        let matcher = matcher(tokens[0])
        guard matcher.others.isEmpty else { return nil }
        return matcher.range.isEmpty ? [] : tieredSearch(matcher, waived: waivedAdjustments([matcher]), limit: limit)?.map { Int($0.food) }
    }

    /// A rank for a food (lower is better), or `nil` if some query word does not match.
    /// Earlier words, whole-word matches, shorter names and the plain food rank higher.
    private func score(food: Int, matchers: [Matcher], waived: Waived) -> Double? {
        let start = Int(wordsStart[food])
        let end = Int(wordsStart[food + 1])
        let described = Int(descriptionStart[food])
        var total = baseScore[food]
        if !waived.words.isEmpty {
            for position in Self.adjustedWords(start: start, described: described, end: end) {
                total -= waived.words[wordsOfFood[position]] ?? 0
            }
        }
        let group = Int(groupOfFood[food])
        if waived.groups[group] { total -= groupAdjustment[group] }
        var brandNamed = false
        var head = Int.max        // the first position a query word matched, outside a category part
        var inCategory = Int.max  // the first it matched in one
        for matcher in matchers {
            var found = false
            for position in start..<end {
                let word = Int(wordsOfFood[position])
                if matcher.matches(word) {
                    // A short name's words count from its first; the description's after
                    // it from theirs, plus one (the name says what the food is).
                    // A description's category part ("Fish, ") does not count, unless matched.
                    var place = position < described ? position - start : position - described
                    if position >= described {
                        let category = Int(categoryWords[food])
                        if place >= category { place -= category }
                        if described > start { place += Self.descriptionAfterName }
                    }
                    total += Double(place)
                    total += penalty(word, matcher)
                    if brandWord[position] { brandNamed = true }
                    // The food's own name is where its first matched word is, outside a category part.
                    if position < described || position >= described + Int(categoryWords[food]) {
                        head = min(head, position)
                    } else {
                        inCategory = min(inCategory, position)
                    }
                    found = true
                    break
                }
            }
            if !found { return nil }
        }
        if brandNamed, hasBrand[food] { total -= brandAdjustment }
        if extraNameWordAdjustment != 0 {
            let segment = segmentOfWord[head != Int.max ? head : inCategory]
            var extra = 0
            for position in start..<end where segmentOfWord[position] == segment {
                let word = Int(wordsOfFood[position])
                if !matchers.contains(where: { $0.matches(word) }) { extra += 1 }
            }
            total += Double(min(extra, Self.extraNameWordsCounted)) * extraNameWordAdjustment
        }
        return total
    }

    /// Spellings near the query's words that do match foods: "samlon" → "salmon".
    /// Used to suggest what the person may have meant when nothing matched.
    public func corrections(for query: String) -> [String] {
        let tokens = SearchText.words(query)
        guard !tokens.isEmpty else { return [] }
        var corrected: [[UInt8]] = []
        var changed = false
        for token in tokens {
            let found = matcher(token)
            if !found.range.isEmpty || !found.others.isEmpty {
                corrected.append(token)
                continue
            }
            let allowed = token.count <= 4 ? 1 : 2
            var best: (distance: Int, postings: Int, word: [UInt8])?
            for (id, word) in vocabulary.enumerated() where abs(word.count - token.count) <= allowed {
                let distance = SearchText.editDistance(token, word, limit: allowed)
                guard distance <= allowed else { continue }
                let count = postings[id].count
                if best == nil || distance < best!.distance
                    || (distance == best!.distance && count > best!.postings) {
                    best = (distance, count, word)
                }
            }
            guard let replacement = best else { continue }  // drop a word nothing resembles
            corrected.append(replacement.word)
            changed = true
        }
        var queries: [String] = []
        if changed, !corrected.isEmpty {
            queries.append(corrected.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " "))
        }
        // Every word matches but not together: try the query without each word in turn,
        // the last first (the first word is most often the food: "cod fillet" → "cod").
        if corrected.count > 1 {
            for skipped in corrected.indices.reversed() {
                var fewer = corrected
                fewer.remove(at: skipped)
                queries.append(fewer.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " "))
            }
        }
        return queries
    }
}

/// How text is cut into words for search: lower-case letters and digits.
enum SearchText {
    /// The words of `text`, lower-cased; non-ASCII letters are kept as they are.
    static func words(_ text: String) -> [[UInt8]] {
        let text = joiningThousands(text)
        var words: [[UInt8]] = []
        var current: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                current.append(byte + 32)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), 0x80...:
                current.append(byte)
            default:
                if !current.isEmpty { words.append(current); current.removeAll(keepingCapacity: true) }
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// `text` with the commas of thousands taken out, so "2,000 IU" and "2000 IU" are the
    /// same words.
    static func joiningThousands(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: ",")) else { return text }
        let bytes = Array(text.utf8)
        func isDigit(_ i: Int) -> Bool { i >= 0 && i < bytes.count && bytes[i] >= 48 && bytes[i] <= 57 }
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        for (i, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: ","), isDigit(i - 1), isDigit(i + 1), isDigit(i + 2), isDigit(i + 3), !isDigit(i + 4) { continue }
            kept.append(byte)
        }
        return String(decoding: kept, as: UTF8.self)
    }

    /// The words of `text` with the comma-separated part each is in (a comma, semicolon or
    /// bracket starts a part: "Chickpeas (garbanzo beans, bengal gram), mature seeds" has
    /// four; so does the word "or"), and whether it is a brand: three or more capital letters, as the USDA writes
    /// brands ("UNCLE BEN'S", "QUAKER"), unless `notBrands` has it.
    static func segmentedWords(_ text: String, notBrands: Set<String>) -> [(word: [UInt8], segment: UInt16, isBrand: Bool)] {
        let text = joiningThousands(text)
        var result: [(word: [UInt8], segment: UInt16, isBrand: Bool)] = []
        var current: [UInt8] = []
        var capitals = 0
        var lowercase = false
        var segment: UInt16 = 0
        var segmentHasWords = false
        let orWord: [UInt8] = Array("or".utf8)
        func finish() {
            guard !current.isEmpty else { return }
            // "or" starts another name for the same food: "hazelnuts or filberts".
            if current == orWord, segmentHasWords { segment += 1 }
            let brand = capitals >= 3 && !lowercase && !notBrands.contains(String(decoding: current, as: UTF8.self))
            result.append((current, segment, brand))
            segmentHasWords = true
            current.removeAll(keepingCapacity: true)
            capitals = 0
            lowercase = false
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                current.append(byte + 32)
                capitals += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                current.append(byte)
                lowercase = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"), 0x80...:
                current.append(byte)
            case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "("), UInt8(ascii: ")"):
                finish()
                if segmentHasWords { segment += 1; segmentHasWords = false }
            default:
                finish()
            }
        }
        finish()
        return result
    }

    /// A word's stem for matching its other forms: the plural's singular ("eggs" → "egg",
    /// "tomatoes" → "tomato", "berries" → "berry", "peaches" → "peach"). Words of three
    /// letters or fewer, and those in -ss, -us or -is, are their own stem.
    static func stem(_ word: [UInt8]) -> [UInt8] {
        guard word.count > 3, let last = word.last, last == UInt8(ascii: "s") else { return word }
        func ends(_ suffix: String) -> Bool {
            let bytes = Array(suffix.utf8)
            return word.count > bytes.count + 1 && Array(word.suffix(bytes.count)) == bytes
        }
        if ends("ss") || ends("us") || ends("is") { return word }
        if ends("ies") { return Array(word.dropLast(3)) + [UInt8(ascii: "y")] }
        if ends("oes") || ends("ches") || ends("shes") || ends("sses") || ends("xes") { return Array(word.dropLast(2)) }
        return Array(word.dropLast())
    }

    /// The Levenshtein distance between two words, stopping early above `limit`.
    static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

/// The `limit` lowest (score, food) pairs seen, in a max-heap: the worst kept is on top.
struct TopK {
    let limit: Int
    private var heap: [(score: Double, food: Int32)] = []

    init(limit: Int) {
        self.limit = limit
        heap.reserveCapacity(limit)
    }

    private static func worse(_ a: (score: Double, food: Int32), _ b: (score: Double, food: Int32)) -> Bool {
        a.score != b.score ? a.score > b.score : a.food > b.food
    }

    mutating func insert(_ score: Double, _ food: Int32) {
        let item = (score: score, food: food)
        if heap.count < limit {
            heap.append(item)
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard Self.worse(heap[child], heap[parent]) else { break }
                heap.swapAt(child, parent)
                child = parent
            }
        } else if let top = heap.first, Self.worse(top, item) {
            heap[0] = item
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var largest = parent
                if left < heap.count, Self.worse(heap[left], heap[largest]) { largest = left }
                if right < heap.count, Self.worse(heap[right], heap[largest]) { largest = right }
                if largest == parent { break }
                heap.swapAt(parent, largest)
                parent = largest
            }
        }
    }

    /// Whether `limit` pairs are kept.
    var isFull: Bool { heap.count >= limit }

    /// The worst score kept, if any.
    var worstScore: Double? { heap.first?.score }

    /// Best first.
    func sorted() -> [(score: Double, food: Int32)] {
        heap.sorted { $0.score != $1.score ? $0.score < $1.score : $0.food < $1.food }
    }
}
