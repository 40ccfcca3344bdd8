#!/usr/bin/env python3
"""Writes the Cronometer-shaped test files of Tests/Fixtures/Cronometer.

The column sets are Cronometer's own, as public code that reads its exports has them
(see docs/CRONOMETER.md for where each was found); the rows are made up for the tests, and
CronometerImportTests checks figures computed by hand from them. Run it again after
changing a row, and update the tests' expected figures."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))

# 2012-2016 exports: no Time or Group column, vitamin A in IU, days not zero-padded.
OLD = ("Day,Food Name,Amount,Energy (kcal),Alcohol (g),Caffeine (mg),Water (g),B1 (Thiamine) (mg),"
       "B12 (Cobalamin) (µg),B2 (Riboflavin) (mg),B3 (Niacin) (mg),B5 (Pantothenic Acid) (mg),"
       "B6 (Pyridoxine) (mg),Folate (µg),Vitamin A (IU),Vitamin C (mg),Vitamin D (IU),Vitamin E (mg),"
       "Vitamin K (µg),Calcium (mg),Copper (mg),Iron (mg),Magnesium (mg),Manganese (mg),Phosphorus (mg),"
       "Potassium (mg),Selenium (µg),Sodium (mg),Zinc (mg),Carbs (g),Fiber (g),Starch (g),Sugars (g),"
       "Fat (g),Cholesterol (mg),Monounsaturated (g),Omega-3 (g),Omega-6 (g),Polyunsaturated (g),"
       "Saturated (g),Trans-Fats (g),Cystine (g),Histidine (g),Isoleucine (g),Leucine (g),Lysine (g),"
       "Methionine (g),Phenylalanine (g),Protein (g),Threonine (g),Tryptophan (g),Tyrosine (g),Valine (g)")

# 2021 exports (the servings set of jrmycanady/gocronometer): Time, Group and Category,
# vitamin A still in IU, Omega-3 and Omega-6 totals but no ALA, EPA, DHA or LA.
MIDDLE = ("Day,Time,Group,Food Name,Amount,Energy (kcal),Caffeine (mg),Water (g),B1 (Thiamine) (mg),"
          "B2 (Riboflavin) (mg),B3 (Niacin) (mg),B5 (Pantothenic Acid) (mg),B6 (Pyridoxine) (mg),"
          "B12 (Cobalamin) (µg),Biotin (µg),Choline (mg),Folate (µg),Vitamin A (IU),Vitamin C (mg),"
          "Vitamin D (IU),Vitamin E (mg),Vitamin K (µg),Calcium (mg),Chromium (µg),Copper (mg),"
          "Fluoride (µg),Iodine (µg),Iron (mg),Magnesium (mg),Manganese (mg),Phosphorus (mg),"
          "Potassium (mg),Selenium (µg),Sodium (mg),Zinc (mg),Carbs (g),Fiber (g),Fructose (g),"
          "Galactose (g),Glucose (g),Lactose (g),Maltose (g),Starch (g),Sucrose (g),Sugars (g),"
          "Net Carbs (g),Fat (g),Cholesterol (mg),Monounsaturated (g),Polyunsaturated (g),Saturated (g),"
          "Trans-Fats (g),Omega-3 (g),Omega-6 (g),Cystine (g),Histidine (g),Isoleucine (g),Leucine (g),"
          "Lysine (g),Methionine (g),Phenylalanine (g),Protein (g),Threonine (g),Tryptophan (g),"
          "Tyrosine (g),Valine (g),Category")

# Newer exports (the nutrient set of brandonm/gocronometer's real export, 2026): vitamin A
# in µg with Retinol, and ALA, DHA, EPA, AA and LA beside the Omega-3 and Omega-6 totals.
NEW = ("Day,Time,Group,Food Name,Amount,Energy (kcal),Alcohol (g),Ash (g),Beta-Hydroxybutyrate (g),"
       "Caffeine (mg),Oxalate (mg),Phytate (mg),Water (g),B1 (Thiamine) (mg),B2 (Riboflavin) (mg),"
       "B3 (Niacin) (mg),B5 (Pantothenic Acid) (mg),B6 (Pyridoxine) (mg),B12 (Cobalamin) (µg),"
       "Alpha-carotene (µg),Beta Tocopherol (mg),Beta-carotene (µg),Beta-cryptoxanthin (µg),Biotin (µg),"
       "Choline (mg),Delta Tocopherol (mg),Folate (µg),Gamma Tocopherol (mg),Lutein+Zeaxanthin (µg),"
       "Lycopene (µg),Retinol (µg),Vitamin A (µg),Vitamin C (mg),Vitamin D (IU),Vitamin E (mg),"
       "Vitamin K (µg),Calcium (mg),Chromium (µg),Copper (mg),Fluoride (µg),Iodine (µg),Iron (mg),"
       "Magnesium (mg),Manganese (mg),Molybdenum (µg),Phosphorus (mg),Potassium (mg),Selenium (µg),"
       "Sodium (mg),Zinc (mg),Net Carbs (g),Allulose (g),Carbs (g),Fiber (g),Insoluble Fiber (g),"
       "Soluble Fiber (g),Fructose (g),Galactose (g),Glucose (g),Lactose (g),Maltose (g),Starch (g),"
       "Sucrose (g),Sugars (g),Added Sugars (g),Sugar Alcohol (g),Fat (g),Cholesterol (mg),"
       "Monounsaturated (g),Polyunsaturated (g),Saturated (g),Trans-Fats (g),Omega-3 (g),ALA (g),"
       "DHA (g),EPA (g),Omega-6 (g),AA (g),LA (g),Phytosterol (mg),Alanine (g),Arginine (g),"
       "Aspartic acid (g),Cystine (g),Glutamic acid (g),Glycine (g),Histidine (g),Hydroxyproline (g),"
       "Isoleucine (g),Leucine (g),Lysine (g),Methionine (g),Phenylalanine (g),Proline (g),Protein (g),"
       "Serine (g),Threonine (g),Tryptophan (g),Tyrosine (g),Valine (g),Category")


def quote(text):
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def rows(header, items, filler="0.00"):
    """The header and one line per item: its text fields and the figures it names, the
    other nutrient columns `filler` (an empty cell is unknown)."""
    names = header.split(",")
    lines = [header]
    for item in items:
        cells = []
        for name in names:
            if name in item:
                cells.append(quote(str(item[name])))
            elif "(" in name:
                cells.append(filler)
            else:
                cells.append("")
        lines.append(",".join(cells))
    return lines


def write(name, lines, ending="\n", bom=False):
    text = ending.join(lines) + ending
    with open(os.path.join(HERE, name), "wb") as f:
        f.write((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))


old_rows = [
    # No weight in any row: one food, logged as one serving (Vitamin A 1,200 IU = 360 µg RAE).
    {"Day": "2016-9-26", "Food Name": "Granola, fruit and nut", "Amount": "0.50 Serving (1/2 cup)",
     "Energy (kcal)": "240.00", "Fat (g)": "9.00", "Fiber (g)": "4.00", "Vitamin A (IU)": "1200.00",
     "Vitamin D (IU)": "", "Vitamin E (mg)": "2.00", "Vitamin K (µg)": "", "Omega-3 (g)": "0.50",
     "Omega-6 (g)": "3.00"},
    # A weight: Bananas per gram from 100 g (89 kcal; 64 IU = 19.2 µg RAE per 100 g) ...
    {"Day": "2016-9-27", "Food Name": "Bananas, raw", "Amount": "100.00 g", "Energy (kcal)": "89.00",
     "Fat (g)": "0.33", "Fiber (g)": "2.60", "Vitamin A (IU)": "64.00", "Vitamin D (IU)": "",
     "Vitamin E (mg)": "0.10", "Vitamin K (µg)": "0.50", "Omega-3 (g)": "0.03", "Omega-6 (g)": "0.05"},
    # ... and the medium one weighs 105.02 / 0.89 = 118 g (a quoted amount with quotes in it).
    {"Day": "2016-9-27", "Food Name": "Bananas, raw", "Amount": '1.00 medium (7" to 7-7/8" long)',
     "Energy (kcal)": "105.02", "Fat (g)": "0.39", "Fiber (g)": "3.07", "Vitamin A (IU)": "75.52",
     "Vitamin D (IU)": "", "Vitamin E (mg)": "0.12", "Vitamin K (µg)": "0.59", "Omega-3 (g)": "0.04",
     "Omega-6 (g)": "0.06"},
]
write("servings-2016.csv", rows(OLD, old_rows))

middle_rows = [
    {"Day": "2021-06-01", "Time": "08:15 ", "Group": "Breakfast", "Food Name": "Eggs, scrambled",
     "Amount": "2.00 large", "Energy (kcal)": "182.00", "Fat (g)": "13.40", "Fiber (g)": "0.00",
     "Vitamin A (IU)": "700.00", "Vitamin D (IU)": "88.00", "Vitamin E (mg)": "1.30", "Vitamin K (µg)": "",
     "Omega-3 (g)": "0.10", "Omega-6 (g)": "1.90", "Category": "Dairy and Egg Products"},
    {"Day": "2021-06-01", "Time": "19:30 ", "Group": "Dinner", "Food Name": "Spinach, raw",
     "Amount": "30.00 g", "Energy (kcal)": "6.90", "Fat (g)": "0.12", "Fiber (g)": "0.66",
     "Vitamin A (IU)": "2812.00", "Vitamin D (IU)": "0.00", "Vitamin E (mg)": "0.61", "Vitamin K (µg)": "144.87",
     "Omega-3 (g)": "0.04", "Omega-6 (g)": "0.01", "Category": "Vegetables"},
    {"Day": "2021-06-02", "Time": "12:00 ", "Group": "Lunch", "Food Name": "Spinach, raw",
     "Amount": "1.00 cup", "Energy (kcal)": "6.90", "Fat (g)": "0.12", "Fiber (g)": "0.66",
     "Vitamin A (IU)": "2812.00", "Vitamin D (IU)": "0.00", "Vitamin E (mg)": "0.61", "Vitamin K (µg)": "144.87",
     "Omega-3 (g)": "0.04", "Omega-6 (g)": "0.01", "Category": "Vegetables"},
]
write("servings-2021.csv", rows(MIDDLE, middle_rows, filler=""))

new_rows = [
    # Oats per gram from 80 g: 303.2 kcal -> 379 kcal, 0.34 mg E -> 0.425 mg, ALA 0.09 -> 0.1125 g per 100 g.
    {"Day": "2026-07-16", "Time": "8:05 AM", "Group": "Breakfast", "Food Name": "Oats, rolled, dry",
     "Amount": "80.00 g", "Energy (kcal)": "303.20", "Fat (g)": "5.22", "Fiber (g)": "8.08",
     "Retinol (µg)": "0.00", "Vitamin A (µg)": "0.00", "Vitamin D (IU)": "0.00", "Vitamin E (mg)": "0.34",
     "Vitamin K (µg)": "1.60", "Omega-3 (g)": "0.09", "ALA (g)": "0.09", "DHA (g)": "0.00", "EPA (g)": "0.00",
     "Omega-6 (g)": "1.96", "LA (g)": "1.96", "Category": "Cereal Grains and Pasta"},
    # No weight: one serving of 100 g; 120 IU of vitamin D = 3 µg.
    {"Day": "2026-07-16", "Time": "8:05 AM", "Group": "Breakfast", "Food Name": "Milk, 2%",
     "Amount": "1.00 cup", "Energy (kcal)": "122.00", "Fat (g)": "4.83", "Fiber (g)": "0.00",
     "Retinol (µg)": "132.00", "Vitamin A (µg)": "134.00", "Vitamin D (IU)": "120.00", "Vitamin E (mg)": "0.07",
     "Vitamin K (µg)": "0.50", "Omega-3 (g)": "0.03", "ALA (g)": "0.03", "DHA (g)": "0.00", "EPA (g)": "0.00",
     "Omega-6 (g)": "0.18", "LA (g)": "0.17", "Category": "Dairy and Egg Products"},
    # Salmon per gram from 150 g: 786 IU D -> 13.1 µg, EPA 1.03 -> 0.68667 g, DHA 2.21 -> 1.47333 g per 100 g;
    # Omega-3 3.90 is a total and is not read.
    {"Day": "2026-07-16", "Time": "12:30 PM", "Group": "Lunch", "Food Name": "Salmon, Atlantic, farmed, cooked",
     "Amount": "150.00 g", "Energy (kcal)": "309.00", "Fat (g)": "18.45", "Fiber (g)": "0.00",
     "Retinol (µg)": "76.50", "Vitamin A (µg)": "76.50", "Vitamin D (IU)": "786.00", "Vitamin E (mg)": "",
     "Vitamin K (µg)": "", "Omega-3 (g)": "3.90", "ALA (g)": "0.17", "DHA (g)": "2.21", "EPA (g)": "1.03",
     "Omega-6 (g)": "1.10", "LA (g)": "1.00", "Category": "Finfish and Shellfish Products"},
    # The fillet weighs 412 / 2.06 = 200 g.
    {"Day": "2026-07-17", "Time": "7:50 PM", "Group": "Dinner", "Food Name": "Salmon, Atlantic, farmed, cooked",
     "Amount": "1.00 fillet", "Energy (kcal)": "412.00", "Fat (g)": "24.60", "Fiber (g)": "0.00",
     "Retinol (µg)": "102.00", "Vitamin A (µg)": "102.00", "Vitamin D (IU)": "1048.00", "Vitamin E (mg)": "",
     "Vitamin K (µg)": "", "Omega-3 (g)": "5.20", "ALA (g)": "0.23", "DHA (g)": "2.95", "EPA (g)": "1.37",
     "Omega-6 (g)": "1.47", "LA (g)": "1.33", "Category": "Finfish and Shellfish Products"},
    # An ounce is 28.349523125 g; vitamin K empty: unknown. The name is the USDA's.
    {"Day": "2026-07-17", "Time": "", "Group": "Snacks", "Food Name": "Nuts, almonds",
     "Amount": "1.00 oz", "Energy (kcal)": "164.00", "Fat (g)": "14.14", "Fiber (g)": "3.54",
     "Retinol (µg)": "0.00", "Vitamin A (µg)": "0.00", "Vitamin D (IU)": "0.00", "Vitamin E (mg)": "7.27",
     "Vitamin K (µg)": "", "Omega-3 (g)": "0.00", "ALA (g)": "0.00", "DHA (g)": "0.00", "EPA (g)": "0.00",
     "Omega-6 (g)": "3.44", "LA (g)": "3.44", "Category": "Nut and Seed Products"},
    # A group of the person's own: the meal by the time (21:30: dinner, Data/meals.csv).
    {"Day": "2026-07-17", "Time": "9:30 PM", "Group": "Uncategorized", "Food Name": "Chicken Burrito Bowl",
     "Amount": "1.00 serving", "Energy (kcal)": "625.00", "Fat (g)": "22.00", "Fiber (g)": "",
     "Retinol (µg)": "", "Vitamin A (µg)": "", "Vitamin D (IU)": "", "Vitamin E (mg)": "",
     "Vitamin K (µg)": "", "Omega-3 (g)": "", "ALA (g)": "", "DHA (g)": "", "EPA (g)": "",
     "Omega-6 (g)": "", "LA (g)": "", "Category": "Restaurant Foods"},
]
write("servings-2026.csv", rows(NEW, new_rows))
write("servings-2026-bom-crlf.csv", rows(NEW, new_rows), ending="\r\n", bom=True)
# A later export that overlaps: the last two days again (the same rows, the almonds with a
# time the person set since: still the same row), and one new day.
later = [dict(row) for row in new_rows[2:]]
later[2]["Time"] = "3:00 PM"
later = later + [
    {"Day": "2026-07-18", "Time": "8:10 AM", "Group": "Breakfast", "Food Name": "Oats, rolled, dry",
     "Amount": "40.00 g", "Energy (kcal)": "151.60", "Fat (g)": "2.61", "Fiber (g)": "4.04",
     "Retinol (µg)": "0.00", "Vitamin A (µg)": "0.00", "Vitamin D (IU)": "0.00", "Vitamin E (mg)": "0.17",
     "Vitamin K (µg)": "0.80", "Omega-3 (g)": "0.05", "ALA (g)": "0.05", "DHA (g)": "0.00", "EPA (g)": "0.00",
     "Omega-6 (g)": "0.98", "LA (g)": "0.98", "Category": "Cereal Grains and Pasta"},
]
write("servings-2026-later.csv", rows(NEW, later))

# Bad files: each NAME.csv with NAME.expected.txt, the start of the message it must give.
SMALL = "Day,Time,Group,Food Name,Amount,Energy (kcal),Fat (g),Vitamin D (IU),Vitamin K (µg),Omega-3 (g),Category"
good = "2026-07-16,8:05 AM,Breakfast,\"Oats, rolled, dry\",80.00 g,303.20,5.22,0.00,1.60,0.09,Cereal Grains and Pasta"
bad = {
    "missing-amount": (["Day,Time,Group,Food Name,Energy (kcal)", "2026-07-16,8:05 AM,Breakfast,Oats,303.20"],
                       'missing-amount.csv:1:1: the header has no column "Amount"'),
    "bad-number": ([SMALL, good, "2026-07-16,12:30 PM,Lunch,Spinach,30.00 g,6.90,0.12,0.00,two,0.04,Vegetables"],
                   'bad-number.csv:3:58: Vitamin K (µg) must be a number, found "two"'),
    "bad-date": ([SMALL, good, "2026-02-30,12:30 PM,Lunch,Spinach,30.00 g,6.90,0.12,0.00,144.87,0.04,Vegetables"],
                 'bad-date.csv:3:1: Day: "2026-02-30" is not a date'),
    "bad-time": ([SMALL, "2026-07-16,25:10,Lunch,Spinach,30.00 g,6.90,0.12,0.00,144.87,0.04,Vegetables"],
                 'bad-time.csv:2:12: Time: "25:10" is not a time'),
    "amount-without-number": ([SMALL, "2026-07-16,12:30 PM,Lunch,Spinach,cup,6.90,0.12,0.00,144.87,0.04,Vegetables"],
                              'amount-without-number.csv:2:35: Amount: "cup" is not an amount'),
    "negative": ([SMALL, "2026-07-16,12:30 PM,Lunch,Spinach,30.00 g,6.90,-0.12,0.00,144.87,0.04,Vegetables"],
                 'negative.csv:2:48: Fat (g) must be 0 or more, found -0.12'),
    "unknown-unit": (["Day,Time,Group,Food Name,Amount,Energy (kcal),Vitamin D (ng)", "2026-07-16,8:05 AM,Breakfast,Oats,80.00 g,303.20,0"],
                     'unknown-unit.csv:1:47: the column "Vitamin D (ng)" is in "ng", a unit absorb does not know'),
    "wrong-unit": (["Day,Time,Group,Food Name,Amount,Energy (kcal),Vitamin K (IU)", "2026-07-16,8:05 AM,Breakfast,Oats,80.00 g,303.20,0"],
                   'wrong-unit.csv:1:47: the column "Vitamin K (IU)" gives Vitamin K (phylloquinone) in IU'),
    "cut-off": ([SMALL, good, "2026-07-16,12:30 PM,Lunch,Spinach,30.00 g,6.90,0.1"],
                'cut-off.csv:3:1: expected 11 fields as in the header, found 7'),
    "unterminated-quote": ([SMALL, good, '2026-07-16,12:30 PM,Lunch,"Spinach, raw,30.00 g,6.90,0.12,0.00,144.87,0.04,Vegetables'],
                           'unterminated-quote.csv:3:27'),
    "header-only": ([SMALL], 'header-only.csv:2:1: the file has a header but no rows'),
    "too-much-fat": ([SMALL, "2026-07-16,12:30 PM,Lunch,Butter,100.00 g,900.00,150.00,0.00,7.00,0.30,Fats"],
                     'too-much-fat.csv:2:34: Butter: 150 g of Fat in 100 g is more than food can hold'),
    "too-heavy": ([SMALL, "2026-07-16,12:30 PM,Lunch,Spinach,250000.00 g,57500.00,1000.00,0.00,1207250.00,333.00,Vegetables"],
                  'too-heavy.csv:2:35: Amount: 250000.00 g of Spinach is 250,000 g'),
    "control-character": ([SMALL, "2026-07-16,12:30 PM,Lunch,Spin\x1bach,30.00 g,6.90,0.12,0.00,144.87,0.04,Vegetables"],
                          'control-character.csv:2:27: Food Name contains a control character (U+001B)'),
}
for name, (lines, expected) in bad.items():
    write(os.path.join("Bad", name + ".csv"), lines)
    with open(os.path.join(HERE, "Bad", name + ".expected.txt"), "w") as f:
        f.write(expected + "\n")
with open(os.path.join(HERE, "Bad", "empty.csv"), "wb") as f:
    pass
with open(os.path.join(HERE, "Bad", "empty.expected.txt"), "w") as f:
    f.write("empty.csv:1:1: the file is empty\n")
