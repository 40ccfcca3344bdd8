import NutrientModel

extension Painter {
    // MARK: Trends

    /// Each nutrient over the last 30 days: a column per day scaled so that the target is
    /// the second-highest level, days with nothing logged as a dot, and the 7- and 30-day
    /// averages over the logged days.
    mutating func trends() {
        title("Trends \(glyphs.dot) 30 days to \(state.day.longDescription)")
        let days = 30
        let week = state.report(days: 7)
        let month = state.report(days: 30)
        let nameWidth = width >= 110 ? 31 : 12
        let chartX = nameWidth + 2
        canvas.write("Nutrient", x: 1, y: 1, style: CellStyle(bold: true))
        let rowsPerNutrient = height >= 40 ? 4 : height >= 30 ? 3 : height >= 24 ? 2 : 1
        // The target is 7/8 of the chart's height: the glyph its top cell shows there.
        let targetEighths = rowsPerNutrient * 7 - (rowsPerNutrient - 1) * 8
        canvas.write("last 30 days, top \(glyphs.levels[targetEighths - 1]) = target", x: chartX, y: 1, style: CellStyle(dim: true))
        canvas.writeRight("7-day  30-day", right: width - 1, y: 1, style: CellStyle(bold: true))
        // One report per day, computed once for all nutrients.
        let daily = (0..<days).map { offset in state.report(days: 1, endingOn: state.day.adding(days: offset - (days - 1))) }
        for (row, nutrient) in Nutrient.allCases.enumerated() {
            let top = 2 + row * rowsPerNutrient
            guard top + rowsPerNutrient <= height - 3 else { break }
            let bottom = top + rowsPerNutrient - 1
            canvas.write(width >= 110 ? nutrient.name : nutrient.shortName, x: 1, y: bottom, maxWidth: nameWidth)
            for (offset, report) in daily.enumerated() {
                let x = chartX + offset
                guard x < width - 16 else { break }
                let score = report.scores[row]
                if report.entries.isEmpty {
                    canvas.write(String(glyphs.noData), x: x, y: bottom, style: CellStyle(dim: true))
                    continue
                }
                // Eighths over all the rows: the target sits at 7/8 of the height.
                let fraction = (score.percent ?? 0) / 100 * 7 / 8
                let units = Int((min(fraction, 1) * Double(rowsPerNutrient * 8)).rounded())
                let style = color(statusColor(score.status))
                for level in 0..<rowsPerNutrient {
                    let filled = units - level * 8
                    guard filled > 0 else { break }
                    canvas.write(String(glyphs.levels[min(filled, 8) - 1]), x: x, y: bottom - level, style: style)
                }
                if score.percent == nil, score.amount == nil {
                    canvas.write(String(glyphs.incomplete), x: x, y: bottom, style: color(.yellow))
                }
            }
            // Above an upper limit the mark says so beside the figure: colour is never the only sign.
            func text(_ score: NutrientScore) -> String {
                (score.percent.map { Format.percent($0) + " %" } ?? "—") + (score.status == .aboveUL ? String(glyphs.aboveUL) : "")
            }
            let weekText = text(week.scores[row])
            let monthText = text(month.scores[row])
            canvas.writeRight(weekText, right: width - 9, y: bottom, style: color(statusColor(week.scores[row].status)))
            canvas.writeRight(monthText, right: width - 1, y: bottom, style: color(statusColor(month.scores[row].status), bold: true))
        }
        // Gut and balance over the 7 days: information, not scores.
        let balance = state.review(of: week).balance
        if balance.days > 0 {
            let fibreTarget = balance.fibreTarget.map { " of \(Format.amount($0)) g" } ?? " g (AI \(balance.referencesNotSet ?? "not set"))"
            var parts = ["7-day: fibre \(Format.amount(balance.fibreGrams))\(fibreTarget)",
                         "fermented \(Format.number(balance.fermentedServingsPerDay, decimals: 1)) servings/day"]
            if let ratio = balance.ratio {
                let allowed = balance.ratioRangeFromAMDRs.map { "AMDRs allow \(Format.number($0.lowerBound, decimals: 1))-\(Format.number($0.upperBound, decimals: 1))" }
                    ?? "AMDRs \(balance.referencesNotSet ?? "not set")"
                parts.append("LA:ALA \(Format.number(ratio, decimals: 1)):1 (\(allowed))")
            }
            canvas.write(Self.clip(" " + parts.joined(separator: " \(glyphs.dot) "), to: width, glyphs: glyphs), x: 0, y: height - 3)
        }
        let note = "Averages over \(week.loggedDays) and \(month.loggedDays) logged days; \(glyphs.noData) = nothing logged (not zero)"
        canvas.write(Self.clip(" " + note, to: width, glyphs: glyphs), x: 0, y: height - 2, style: CellStyle(dim: true))
        messageLine()
        keyBar("←→ day  [] week  t today  Esc back  ? help  q back")
    }

    // MARK: Gaps

    /// The plan that closes the day's gaps, line by line.
    mutating func gaps() {
        title("Gaps \(glyphs.dot) \(state.day.longDescription)")
        var y = 2
        guard let plan = state.gapPlan else { return }
        // At most sizes the cautions are their headlines here (the detail has the sentence),
        // so the plan itself stays on screen.
        for line in plan.lines(review: state.review(of: state.report(days: 1)), compactCautions: height < 40) where y < height - 2 {
            // Wrap long lines at word boundaries, indented under their start.
            let indent = line.hasPrefix("  ") ? "      " : "   "
            var remaining = line
            var first = true
            while !remaining.isEmpty, y < height - 2 {
                let room = width - 2 - (first ? 1 : indent.count)
                var cut = remaining.count <= room ? remaining.count : room
                if cut < remaining.count, let space = remaining.prefix(room).lastIndex(of: " ") {
                    cut = remaining.distance(from: remaining.startIndex, to: space)
                }
                let piece = String(remaining.prefix(cut))
                let bold = first && (line.hasPrefix("Plan") || line.hasPrefix("Gaps") || line.hasPrefix("Still short"))
                canvas.write((first ? " " : indent) + piece.trimmingLeadingSpaces(keep: first), x: 0, y: y,
                             style: line.hasPrefix("Still short") ? color(.yellow, bold: bold) : CellStyle(bold: bold))
                remaining = String(remaining.dropFirst(cut)).trimmingLeadingSpaces(keep: false)
                first = false
                y += 1
            }
        }
        messageLine()
        keyBar("←→ day  a add  g/Esc back  ? help")
    }

    // MARK: Sources

    /// The foods that give the most of a nutrient, per serving and per 100 kcal.
    mutating func sources(_ nutrient: Nutrient) {
        title("Best sources \(glyphs.dot) \(nutrient.name)")
        guard let planner = state.planner else { return }
        let target = state.targets[nutrient]
        let rows = max(1, (height - 6) / 2)
        let day = state.report(days: 1)
        let best = planner.bestSources(of: nutrient, target: target, diets: state.profile.profile.diets, limit: rows, for: day)
        var y = 1
        if let reason = planner.sourcesWithheld(of: nutrient, for: day) {
            for line in Self.wrap(" " + reason, width: width - 1, indent: " ") where y < height - 2 {
                canvas.write(line, x: 0, y: y, style: color(.magenta, bold: true))
                y += 1
            }
            messageLine()
            keyBar("↑↓ nutrient  a add  Esc back")
            return
        }
        if !state.profile.profile.diets.isEmpty {
            canvas.write(" Keeping to: \(state.profile.profile.diets.sorted().joined(separator: ", "))", x: 0, y: y, style: CellStyle(dim: true))
        }
        y += 1
        for (heading, list, perKcal) in [("Per typical serving", best.perServing, false), ("Per 100 kcal", best.per100Kcal, true)] {
            canvas.write(" \(heading)", x: 0, y: y, style: CellStyle(bold: true))
            y += 1
            for source in list where y < height - 2 {
                let amount = perKcal ? (source.amountPer100Kcal ?? 0) : source.amountPerServing
                var right = "\(Format.amount(amount)) \(nutrient.unit)"
                if !perKcal, let percent = source.percentOfTarget { right += "  \(Format.percent(percent).leftPad(4)) %" }
                let name = perKcal ? source.food.description : "\(source.food.description), \(source.food.servingLabel) (\(Format.number(source.food.servingGrams, decimals: 0)) g)"
                canvas.write("   " + name, x: 0, y: y, maxWidth: width - right.count - 3)
                canvas.writeRight(right, right: width - 1, y: y)
                y += 1
            }
            y += 1
        }
        messageLine()
        keyBar("↑↓ nutrient  a add  Esc back")
    }

    // MARK: Skin note

    /// The note on why a nutrient matters for skin, its caution and citation.
    mutating func skinNote(_ nutrient: Nutrient, y: Int) -> Int {
        guard let note = state.data.skinNotes.notes[nutrient] else { return y }
        var y = y
        for line in Self.wrap(" Skin: \(note.note)", width: width - 1, indent: "       ").prefix(2) {
            canvas.write(line, x: 0, y: y)
            y += 1
        }
        canvas.write(Self.clip(" Caution: \(note.caution)", to: width, glyphs: glyphs), x: 0, y: y, style: color(.yellow))
        canvas.write(Self.clip(" Source: \(note.citation)", to: width, glyphs: glyphs), x: 0, y: y + 1, style: CellStyle(dim: true))
        return y + 2
    }
}

extension String {
    func trimmingLeadingSpaces(keep: Bool) -> String {
        keep ? self : String(drop { $0 == " " })
    }
}
