/// Finds foods by words typed in any order, case-insensitive, each word matching the
/// start of a word in the food's description ("salmon cook" finds "Fish, salmon,
/// Atlantic, farmed, cooked, dry heat"), best match first.
///
/// The vocabulary is sorted, so the words a prefix matches form one contiguous range of
/// word ids; a food matches a query word when one of its words falls in that range.
/// Candidates come from the rarest query word's postings, so a keystroke costs work in
/// proportion to the matches, not to the table.
public struct FoodSearchIndex: Sendable {
    private let vocabulary: [[UInt8]]
    private let postings: [[Int32]]
    private let postingsBefore: [Int]  // cumulative posting counts, for range sizes
    private let wordsOfFood: [Int32]   // word ids of each food, in description order
    private let wordsStart: [Int32]    // food i's words are wordsOfFood[wordsStart[i]..<wordsStart[i+1]]
    private let foodAdjustment: [Double]            // per food, from SearchRanking
    private let wordAdjustment: [Int32: Double]     // per word id, unless the query names it
    private let foodWordAdjustment: [Double]        // per food, the sum of its words' adjustments
    // For each of the first `tieredPositions` word positions, the foods whose word there is
    // w, grouped by word: `positionFoods[p][positionStarts[p][w] ..< positionStarts[p][w + 1]]`.
    // A one-word query that matches most of a large table visits its best-placed matches
    // first and stops when no food left can enter the results (see `tieredSearch`).
    private let positionFoods: [[Int32]]
    private let positionStarts: [[Int32]]
    // The least `0.05 × words + food adjustment` of any food whose adjustment is not
    // negative, and whether every word adjustment is a penalty (≥ 0): together they bound
    // a food's score from below.
    private let leastBase: Double
    private let wordAdjustmentsArePenalties: Bool
    private let boostedFoods: [Int32]  // the foods with a negative food adjustment (a handful)
    /// How many foods the index covers.
    public let foodCount: Int

    /// Word positions with their own postings (0 = a description's first word).
    static let tieredPositions = 4
    /// A one-word query with more postings than this takes the tiered path.
    static let tieredAbove = 5_000

    // The rank's terms, in one place: `score` adds them and `tieredSearch` bounds a score
    // from below with them, so the two must agree.
    /// Per word of a description: shorter descriptions rank higher.
    static let costPerWord = 0.05
    /// A query word that is only the start of a food's word: "salmon" means the fish
    /// before "salmonberries" (a whole word costs nothing).
    static func completionPenalty(extraLetters extra: Int) -> Double {
        extra > 0 ? 1.2 + 0.25 * Double(extra) : 0
    }

    /// Builds the index for every food in `table`, ranked with `ranking`.
    public init(table: FoodTable, ranking: SearchRanking = .none) {
        var idOfWord: [[UInt8]: Int32] = [:]
        var temporaryWords: [[UInt8]] = []
        var words: [Int32] = []
        var starts: [Int32] = [0]
        words.reserveCapacity(table.count * 8)
        starts.reserveCapacity(table.count + 1)
        for index in 0..<table.count {
            for word in SearchText.words(table.descriptions[index]) {
                let id = idOfWord[word] ?? {
                    let next = Int32(temporaryWords.count)
                    temporaryWords.append(word)
                    idOfWord[word] = next
                    return next
                }()
                words.append(id)
            }
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
        self.foodCount = table.count
        self.foodAdjustment = (0..<table.count).map { ranking.foodAdjustments[table.ids[$0]] ?? 0 }
        var wordAdjustment: [Int32: Double] = [:]
        for (word, adjustment) in ranking.wordAdjustments {
            if let old = idOfWord[Array(word.utf8)] { wordAdjustment[newID[Int(old)]] = adjustment }
        }
        self.wordAdjustment = wordAdjustment
        self.foodWordAdjustment = (0..<table.count).map { food in
            (Int(starts[food])..<Int(starts[food + 1])).reduce(0) { $0 + (wordAdjustment[words[$1]] ?? 0) }
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
        var leastBase = Double.infinity
        for food in 0..<table.count where foodAdjustment[food] >= 0 {
            leastBase = min(leastBase, Double(starts[food + 1] - starts[food]) * Self.costPerWord + foodAdjustment[food])
        }
        self.leastBase = leastBase
        var boosted: [Int32] = []
        for food in 0..<table.count where foodAdjustment[food] < 0 { boosted.append(Int32(food)) }
        self.boostedFoods = boosted
        self.wordAdjustmentsArePenalties = wordAdjustment.values.allSatisfy { $0 >= 0 }
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
        let tokens = SearchText.words(query)
        guard !tokens.isEmpty, limit > 0 else { return [] }
        var ranges: [Range<Int>] = []
        var tokenLengths: [Int] = []
        for token in tokens {
            let range = range(ofPrefix: token)
            if range.isEmpty { return [] }
            ranges.append(range)
            tokenLengths.append(token.count)
        }
        // Start from the query word with the fewest postings.
        let rarest = ranges.indices.min { a, b in
            postingsBefore[ranges[a].upperBound] - postingsBefore[ranges[a].lowerBound]
                < postingsBefore[ranges[b].upperBound] - postingsBefore[ranges[b].lowerBound]
        }!
        let namedAdjustments = named(by: ranges)
        let postingCount = postingsBefore[ranges[rarest].upperBound] - postingsBefore[ranges[rarest].lowerBound]
        if ranges.count == 1, postingCount > tieredAbove,
           let found = tieredSearch(range: ranges[0], tokenLength: tokenLengths[0], named: namedAdjustments, limit: limit) {
            return found
        }
        var candidates: [Int32] = []
        if ranges[rarest].count == 1 {
            candidates = postings[ranges[rarest].lowerBound]
        } else {
            var seen = [Bool](repeating: false, count: foodCount)
            for word in ranges[rarest] {
                for food in postings[word] where !seen[Int(food)] {
                    seen[Int(food)] = true
                    candidates.append(food)
                }
            }
        }
        // The best `limit`, kept in a bounded heap: no full sort of thousands of matches.
        var best = TopK(limit: limit)
        for food in candidates {
            if let score = score(food: Int(food), ranges: ranges, tokenLengths: tokenLengths, named: namedAdjustments) {
                best.insert(score, food)
            }
        }
        return best.sorted().map { Int($0.food) }
    }

    /// The best `limit` foods for a one-word query that matches many foods, found without
    /// scoring them all; `nil` when the bound below cannot rule out the foods it did not
    /// visit (then the caller scores every match, as for any query).
    ///
    /// A food's score is its base (0.05 a word, its food adjustment, its words' penalties
    /// less those the query names, so never below `0.05 × words + food adjustment`) plus
    /// the position of its first matching word plus that word's completion penalty. Foods
    /// with a negative food adjustment (a handful) are scored first; every other food is
    /// at least `leastBase + position + penalty`. So (position, word) pairs are visited in
    /// order of `position + penalty`, each visiting the foods with that word at that
    /// position (and no match before it), until that bound exceeds the worst of a full
    /// result; foods matching only beyond the indexed positions are bounded the same way.
    func tieredSearch(range: Range<Int>, tokenLength: Int, named: [Int32: Double], limit: Int) -> [Int]? {
        guard wordAdjustmentsArePenalties else { return nil }  // the bound needs them ≥ 0
        let ranges = [range], lengths = [tokenLength]
        func penalty(_ word: Int) -> Double { Self.completionPenalty(extraLetters: vocabulary[word].count - tokenLength) }
        var tiers: [(cost: Double, position: Int, word: Int)] = []
        tiers.reserveCapacity(range.count * Self.tieredPositions)
        var leastPenalty = Double.infinity
        for word in range {
            let cost = penalty(word)
            leastPenalty = min(leastPenalty, cost)
            for position in 0..<Self.tieredPositions { tiers.append((Double(position) + cost, position, word)) }
        }
        tiers.sort { $0.cost < $1.cost }
        let beyond = Double(Self.tieredPositions) + leastPenalty  // the least cost of an unvisited match
        var best = TopK(limit: limit)
        for food in boostedFoods {
            if let score = score(food: Int(food), ranges: ranges, tokenLengths: lengths, named: named) {
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
            if ruledOut(min(tier.cost, beyond)) { return best.sorted().map { Int($0.food) } }
            let starts = positionStarts[tier.position]
            for food in positionFoods[tier.position][Int(starts[tier.word])..<Int(starts[tier.word + 1])] {
                let food = Int(food)
                if foodAdjustment[food] < 0 { continue }  // scored above
                let first = Int(wordsStart[food])
                // A match before this position makes that one the food's first: its own tier.
                if (first..<first + tier.position).contains(where: { range.contains(Int(wordsOfFood[$0])) }) { continue }
                if let score = score(food: food, ranges: ranges, tokenLengths: lengths, named: named) {
                    best.insert(score, Int32(food))
                }
            }
        }
        return ruledOut(beyond) ? best.sorted().map { Int($0.food) } : nil
    }

    /// What the tiered path alone answers for a one-word query (`nil`: it would defer to
    /// scoring every match). For tests.
    func tieredSearch(_ word: String, limit: Int) -> [Int]? {
        let tokens = SearchText.words(word)
        guard tokens.count == 1 else { return nil }
        let range = range(ofPrefix: tokens[0])
        return range.isEmpty ? [] : tieredSearch(range: range, tokenLength: tokens[0].count, named: named(by: [range]), limit: limit)
    }

    /// The adjusted words a query names (their words' ranges): they do not count against a food.
    private func named(by ranges: [Range<Int>]) -> [Int32: Double] {
        var named: [Int32: Double] = [:]
        for (word, adjustment) in wordAdjustment where ranges.contains(where: { $0.contains(Int(word)) }) {
            named[word] = adjustment
        }
        return named
    }

    /// A rank for a food (lower is better), or `nil` if some query word does not match.
    /// Earlier words, whole-word matches and shorter descriptions rank higher.
    private func score(food: Int, ranges: [Range<Int>], tokenLengths: [Int], named: [Int32: Double]) -> Double? {
        let start = Int(wordsStart[food])
        let end = Int(wordsStart[food + 1])
        var total = Double(end - start) * Self.costPerWord + foodAdjustment[food] + foodWordAdjustment[food]
        if !named.isEmpty {
            for position in start..<end { total -= named[wordsOfFood[position]] ?? 0 }
        }
        for (token, range) in ranges.enumerated() {
            var found = false
            for position in start..<end {
                let word = Int(wordsOfFood[position])
                if range.contains(word) {
                    total += Double(position - start)
                    total += Self.completionPenalty(extraLetters: vocabulary[word].count - tokenLengths[token])
                    found = true
                    break
                }
            }
            if !found { return nil }
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
            if !range(ofPrefix: token).isEmpty {
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
        // Every word matches but not together: try the query without each word in turn.
        if corrected.count > 1 {
            for skipped in corrected.indices {
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
