#!/usr/bin/env python3
"""Independent oracle for the 2025 example allocations (docs/allocation.md).

Reads the catalogues, the example agreements and the 2025 sample figures under contracts/,
allocates every figure with Python's decimal module exactly as docs/allocation.md says, and writes
allocations-2025.json next to this script: the 2025 total per agreement file, district and
indicator, once for the original figures and once with the restatements applied.

It shares no code with the C# service. Before it trusts itself it asserts every worked example
of docs/allocation.md (and the 100.01 example of docs/interfaces.md, Allocation entries).

Rules implemented:
  1. ratios: the schedule entry with the greatest `from` <= month;
  2. shareable part s: with an annual baseline B for (enterprise, indicator), Y0 = sum of the
     current amounts of the calendar year's earlier months, Y1 = Y0 + x,
     s = max(0, Y1 - B) - max(0, Y0 - B); otherwise s = x. x - s goes to the registered district;
  3. split s by largest remainder at the indicator's scale: truncate toward zero, leftover units
     one each to the largest absolute truncated-away remainders, ties to the first-listed party;
  4. cap C over an indicator set: U = net amount already transferred (parts to parties other
     than the registered district) over the set; if U + t > C the other parties receive
     max(0, C - U) split in their ratios by the same rule, the registered district the rest;
  5. canonical order: month, indicator (catalogue order), enterprise id;
  double-count terms: the registered district is credited x, every other party the shareable
  part in full; caps never apply to double-count credits.
  formula terms (docs/allocation.md, Formula shares): the ratios of year Y come from the current
  factors of year Y - 1 (contracts/examples/factors/): for each factor with a positive total,
  party d's share is F(k,d) / sum F(k); f(d) = sum_k w(k) share(k,d) / sum_k w(k) over those
  factors; (100 - hqPercent) f(d) made exact at 2 decimals by the largest-remainder rule (ties to
  the first listed), hqPercent added to the head office; with no positive factor (or only weights
  of 0) the rest goes to the registered district. Computed with fractions, never rounded early.
  derived amounts (docs/allocation.md, history and derived amounts): a cap {"derive": {"years": N}}
  is the sum of the current history figures (contracts/examples/history/) of its indicators over the
  N calendar years before the year of effective.from, every month present; a derived baseline is that
  sum of its indicator divided by N, truncated toward zero at the indicator's scale.

Run: python3 contracts/examples/expected/oracle.py   (Python 3.8+, standard library only)
"""
import json
import sys
from collections import defaultdict
from decimal import Decimal, ROUND_DOWN, getcontext
from fractions import Fraction
from pathlib import Path

getcontext().prec = 60

HERE = Path(__file__).resolve().parent
CONTRACTS = HERE.parent.parent
EXAMPLES = CONTRACTS / "examples"

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def check_character(first17):
    total, weight = 0, 1
    for c in first17:
        total += ALPHABET.index(c) * weight
        weight = weight * 3 % 31
    return ALPHABET[(31 - total % 31) % 31]


def credit_code_ok(code):
    return len(code) == 18 and all(c in ALPHABET for c in code) and check_character(code[:17]) == code[17]


def unit_of(scale):
    return Decimal(1).scaleb(-scale)


def largest_remainder(s, parties, weights, scale):
    """Split s between parties (ordered) in proportion to weights (docs/allocation.md, Largest remainder)."""
    unit = unit_of(scale)
    total_weight = sum(weights[p] for p in parties)
    exact = {p: s * weights[p] / total_weight for p in parties}
    parts = {p: exact[p].quantize(unit, rounding=ROUND_DOWN) for p in parties}
    leftover = s - sum(parts.values())
    units = int(abs(leftover) / unit)
    assert units * unit == abs(leftover)
    step = unit if leftover > 0 else -unit
    ranked = sorted(range(len(parties)), key=lambda k: (-abs(exact[parties[k]] - parts[parties[k]]), k))
    for k in ranked[:units]:
        parts[parties[k]] += step
    assert sum(parts.values()) == s
    for p in parties:
        assert abs(parts[p] - exact[p]) < unit
    return parts


FACTORS = ("operatingRevenue", "payroll", "assets")


def formula_percents(parties, factors, hq, hq_percent, weights, registered):
    """The formula term's percent per party (docs/allocation.md, Formula shares), exact to 2 decimals."""
    rest = Fraction(100) - Fraction(Decimal(hq_percent))
    totals = {k: sum(Fraction(Decimal(factors[p][k])) for p in parties) for k in FACTORS}
    counted = [k for k in FACTORS if totals[k] > 0]
    weight_sum = sum(Fraction(Decimal(weights[k])) for k in counted)
    percents = {p: Fraction(0) for p in parties}
    if rest != 0:
        if weight_sum == 0:
            percents[registered] = rest
        else:
            f = {p: sum(Fraction(Decimal(weights[k])) * Fraction(Decimal(factors[p][k])) / totals[k] for k in counted) / weight_sum
                 for p in parties}
            exact = {p: rest * 100 * f[p] for p in parties}  # in hundredths of a percent
            floors = {p: exact[p].numerator // exact[p].denominator for p in parties}
            leftover = rest * 100 - sum(floors.values())
            assert leftover.denominator == 1 and 0 <= leftover < len(parties)
            ranked = sorted(range(len(parties)), key=lambda k: (-(exact[parties[k]] - floors[parties[k]]), k))
            for k in ranked[:int(leftover)]:
                floors[parties[k]] += 1
            percents = {p: Fraction(floors[p], 100) for p in parties}
    percents[hq] += Fraction(Decimal(hq_percent))
    assert sum(percents.values()) == 100
    return {p: Decimal(v.numerator) / Decimal(v.denominator) for p, v in percents.items()}


class Agreement:
    def __init__(self, doc, scales, order, factors=None):
        self.factors = factors or {}  # (enterprise, year) -> {district: {factor: amount}}
        self.doc = doc
        self.scales = scales
        self.order = order
        self.parties = [p["district"] for p in doc["parties"]]
        self.enterprises = {e["id"]: e for e in doc["enterprises"]}
        self.term_of = {}
        for term in doc["terms"]:
            for indicator in term["indicators"]:
                assert indicator not in self.term_of, "indicators disjoint across terms"
                self.term_of[indicator] = term
        self.validate()

    def validate(self):
        doc = self.doc
        assert len(set(self.parties)) == len(self.parties) >= 2
        assert doc["parties"][0]["role"] == "origin"
        assert doc["effective"]["from"] <= doc["effective"]["to"]
        for e in doc["enterprises"]:
            assert credit_code_ok(e["id"]), e["id"]
            assert e["registeredDistrict"] in self.parties
            for indicator, amount in e.get("baselines", {}).items():
                assert Decimal(amount) == Decimal(amount).quantize(unit_of(self.scales[indicator]))
        for term in doc["terms"]:
            if term.get("mode") == "formula":
                assert all(self.order.index(i) < 3 for i in term["indicators"]), "formula: tax only"
                assert term["hq"] in self.parties and not term.get("schedule")
                assert 0 <= Decimal(term["hqPercent"]) <= 100
                assert sum(Decimal(term["weights"][k]) for k in FACTORS) == 100
                continue
            assert term["schedule"][0]["from"] == doc["effective"]["from"]
            froms = [step["from"] for step in term["schedule"]]
            assert froms == sorted(set(froms))
            for step in term["schedule"]:
                assert set(step["ratios"]) == set(self.parties)
                assert sum(Decimal(r) for r in step["ratios"].values()) == 100
            if term.get("mode", "split") == "double-count":
                assert all(self.order.index(i) >= 3 for i in term["indicators"]), "double-count: statistics only"

    def ratios(self, indicator, month, enterprise):
        term = self.term_of[indicator]
        if term.get("mode") == "formula":
            factors = self.factors[(enterprise, int(month[:4]) - 1)]
            assert set(factors) == set(self.parties)
            registered = self.enterprises[enterprise]["registeredDistrict"]
            return formula_percents(self.parties, factors, term["hq"], term["hqPercent"], term["weights"], registered)
        steps = [s for s in term["schedule"] if s["from"] <= month]
        return {p: Decimal(r) for p, r in max(steps, key=lambda s: s["from"])["ratios"].items()}

    def allocate(self, figures):
        """figures: {(enterprise, indicator, month): Decimal} (current revisions).
        Returns {(month, indicator, enterprise): {district: Decimal}} in canonical order."""
        lines = {}
        transferred = defaultdict(Decimal)  # enterprise -> U over its cap set
        keys = sorted(figures, key=lambda k: (k[2], self.order.index(k[1]), k[0]))
        for enterprise, indicator, month in keys:
            x = figures[(enterprise, indicator, month)]
            ent = self.enterprises[enterprise]
            term = self.term_of[indicator]
            scale = self.scales[indicator]
            registered = ent["registeredDistrict"]
            others = [p for p in self.parties if p != registered]
            ratios = self.ratios(indicator, month, enterprise)

            baseline = ent.get("baselines", {}).get(indicator)
            if baseline is None:
                s = x
            else:
                b = Decimal(baseline)
                y0 = sum((v for (e, i, m), v in figures.items()
                          if e == enterprise and i == indicator and m[:4] == month[:4] and m < month), Decimal(0))
                y1 = y0 + x
                s = max(Decimal(0), y1 - b) - max(Decimal(0), y0 - b)
            base = x - s

            if term.get("mode", "split") == "double-count":
                line = {p: (x if p == registered else s) for p in self.parties}
            else:
                line = largest_remainder(s, self.parties, ratios, scale)
                line[registered] += base
                cap = ent.get("cap")
                if cap is not None and indicator in cap["indicators"]:
                    c = Decimal(cap["amount"])
                    u = transferred[enterprise]
                    t = sum(line[p] for p in others)
                    if u + t > c:
                        room = max(Decimal(0), c - u)
                        line = largest_remainder(room, others, ratios, scale) if room != 0 else {p: Decimal(0) for p in others}
                        line[registered] = x - sum(line[p] for p in others)
                        t = room
                    transferred[enterprise] = u + t
                    assert transferred[enterprise] <= c
                assert sum(line.values()) == x
            lines[(month, indicator, enterprise)] = {p: line[p] for p in self.parties}
        return lines


def current_figures(batches, scales):
    """The current (highest) revision of every (enterprise, indicator, month)."""
    current, seen_ids = {}, set()
    for batch in batches:
        for r in batch["reports"]:
            assert r["reportId"] not in seen_ids, "reportIds unique: " + r["reportId"]
            seen_ids.add(r["reportId"])
            assert credit_code_ok(r["enterprise"]), r["enterprise"]
            amount = Decimal(r["amount"])
            assert amount == amount.quantize(unit_of(scales[r["indicator"]])), "scale: " + r["reportId"]
            key = (r["enterprise"], r["indicator"], r["month"])
            if key not in current or r["revision"] > current[key][0]:
                assert key in current or r["revision"] == 1
                current[key] = (r["revision"], amount)
    return {k: v for k, (_, v) in current.items()}


def current_factors(batches):
    """The current (highest) revision of every (enterprise, year) of factors."""
    current, seen_ids = {}, set()
    for batch in batches:
        for r in batch["reports"]:
            assert r["reportId"] not in seen_ids, "reportIds unique: " + r["reportId"]
            seen_ids.add(r["reportId"])
            for amounts in r["factors"].values():
                assert all(Decimal(amounts[k]) >= 0 and Decimal(amounts[k]) == Decimal(amounts[k]).quantize(unit_of(2)) for k in FACTORS)
            key = (r["enterprise"], r["year"])
            if key not in current or r["revision"] > current[key][0]:
                assert key in current or r["revision"] == 1
                current[key] = (r["revision"], r["factors"])
    return {k: v for k, (_, v) in current.items()}


def current_history(batches):
    """The current (highest) revision of every (enterprise, indicator, month) of history, by agreement."""
    current, seen_ids = {}, set()
    for batch in batches:
        for r in batch["reports"]:
            assert r["history"] is True and r["reportId"] not in seen_ids
            seen_ids.add(r["reportId"])
            key = (r["enterprise"], r["indicator"], r["month"])
            if key not in current or r["revision"] > current[key][0]:
                assert key in current or r["revision"] == 1
                current[key] = (r["revision"], Decimal(r["amount"]))
    return {k: v for k, (_, v) in current.items()}


def derive(doc, history, scales):
    """The agreement with each derived cap and baseline replaced by its amount from the history."""
    first_year = int(doc["effective"]["from"][:4])

    def window_sum(enterprise, indicators, years):
        months = [f"{y}-{m:02d}" for y in range(first_year - years, first_year) for m in range(1, 13)]
        return sum(history[(enterprise, i, month)] for i in indicators for month in months)

    for e in doc["enterprises"]:
        cap = e.get("cap")
        if cap is not None and "derive" in cap:
            assert "amount" not in cap
            cap["amount"] = str(window_sum(e["id"], cap["indicators"], cap.pop("derive")["years"]))
        for indicator, baseline in list(e.get("baselines", {}).items()):
            if isinstance(baseline, dict):
                years = baseline["derive"]["years"]
                total = window_sum(e["id"], [indicator], years)
                unit = unit_of(scales[indicator])
                units = int((total / unit).to_integral_value(rounding=ROUND_DOWN))
                e["baselines"][indicator] = str(Decimal(int(units / years) if units >= 0 else -int(-units / years)) * unit)
    return doc


def self_test():
    scales = {"vat": 2, "cit": 2, "pit": 2, "industrial-output": 1, "value-added": 1, "operating-revenue": 1}
    order = list(scales)
    D = Decimal
    three = ["A", "B", "C"]
    w3 = {"A": D("33.33"), "B": D("33.33"), "C": D("33.34")}
    assert largest_remainder(D("1000.00"), three, w3, 2) == {"A": D("333.30"), "B": D("333.30"), "C": D("333.40")}
    assert largest_remainder(D("10.00"), three, w3, 2) == {"A": D("3.33"), "B": D("3.33"), "C": D("3.34")}
    assert largest_remainder(D("0.01"), ["O", "H"], {"O": D(50), "H": D(50)}, 2) == {"O": D("0.01"), "H": D("0.00")}
    assert largest_remainder(D("100.01"), ["O", "H"], {"O": D(50), "H": D(50)}, 2) == {"O": D("50.01"), "H": D("50.00")}
    assert largest_remainder(D("-0.01"), ["O", "H"], {"O": D(50), "H": D(50)}, 2) == {"O": D("-0.01"), "H": D("0.00")}

    o, h = "440106", "440112"
    ent = "91440112MA59KC3R2L"

    def agreement(enterprise_extra, indicator, ratios):
        return Agreement({
            "title": "t", "model": "hq-rnd+manufacturing",
            "parties": [{"district": o, "role": "origin"}, {"district": h, "role": "host"}],
            "effective": {"from": "2025-01", "to": "2025-12"},
            "enterprises": [dict({"id": ent, "name": "e", "registeredDistrict": h}, **enterprise_extra)],
            "terms": [{"indicators": [indicator], "mode": "split",
                       "schedule": [{"from": "2025-01", "ratios": {o: ratios[0], h: ratios[1]}}]}],
        }, scales, order)

    def run(a, indicator, amounts):
        lines = a.allocate({(ent, indicator, m): D(v) for m, v in amounts.items()})
        return {m: (lines[(m, indicator, ent)][o], lines[(m, indicator, ent)][h]) for m in amounts}

    capped = agreement({"cap": {"indicators": ["vat"], "amount": "500.00"}}, "vat", ("60", "40"))
    before = run(capped, "vat", {"2025-01": "600.00", "2025-02": "400.00", "2025-03": "100.00"})
    assert before == {"2025-01": (D("360.00"), D("240.00")), "2025-02": (D("140.00"), D("260.00")),
                      "2025-03": (D("0.00"), D("100.00"))}, before
    after = run(capped, "vat", {"2025-01": "500.00", "2025-02": "400.00", "2025-03": "100.00"})
    assert after == {"2025-01": (D("300.00"), D("200.00")), "2025-02": (D("200.00"), D("200.00")),
                     "2025-03": (D("0.00"), D("100.00"))}, after
    adjustments = {m: (after[m][0] - before[m][0], after[m][1] - before[m][1]) for m in before}
    assert adjustments == {"2025-01": (D("-60.00"), D("-40.00")), "2025-02": (D("60.00"), D("-60.00")),
                           "2025-03": (D("0.00"), D("0.00"))}, adjustments

    # Formula shares, the worked example: 440106 hq at 50, 440112 (registered) and 440113 branches.
    parties = ["440106", "440112", "440113"]
    example = {"440106": {"operatingRevenue": "0", "payroll": "200.00", "assets": "100.00"},
               "440112": {"operatingRevenue": "600.00", "payroll": "300.00", "assets": "600.00"},
               "440113": {"operatingRevenue": "400.00", "payroll": "500.00", "assets": "300.00"}}
    weights = {"operatingRevenue": "35", "payroll": "35", "assets": "30"}
    percents = formula_percents(parties, example, "440106", "50", weights, "440112")
    assert percents == {"440106": D("55"), "440112": D("24.75"), "440113": D("20.25")}, percents
    assert largest_remainder(D("1000.00"), parties, percents, 2) == {"440106": D("550.00"), "440112": D("247.50"), "440113": D("202.50")}
    equal = {p: {k: "100.00" for k in FACTORS} for p in parties}
    assert formula_percents(parties, equal, "440106", "50", weights, "440112") == {"440106": D("66.67"), "440112": D("16.67"), "440113": D("16.66")}
    nothing = {p: {k: "0" for k in FACTORS} for p in parties}
    assert formula_percents(parties, nothing, "440106", "50", weights, "440112") == {"440106": D("50"), "440112": D("50"), "440113": D("0")}

    based = agreement({"baselines": {"cit": "1000.00"}}, "cit", ("50", "50"))
    result = run(based, "cit", {"2025-01": "600.00", "2025-02": "600.00", "2025-03": "-100.00"})
    assert result == {"2025-01": (D("0.00"), D("600.00")), "2025-02": (D("100.00"), D("500.00")),
                      "2025-03": (D("-50.00"), D("-50.00"))}, result


def derive_self_test():
    """The worked examples of docs/allocation.md, history and derived amounts."""
    scales = {"vat": 2, "cit": 2}
    months = [f"{y}-{m:02d}" for y in (2023, 2024, 2025) for m in range(1, 13)]
    history = {("E", "vat", m): Decimal("100.00") for m in months}
    history.update({("E", "cit", m): Decimal("50.00") for m in months})
    doc = {"effective": {"from": "2026-01"}, "enterprises": [{"id": "E", "cap": {"indicators": ["vat", "cit"], "derive": {"years": 3}}}]}
    assert Decimal(derive(doc, history, scales)["enterprises"][0]["cap"]["amount"]) == Decimal("5400.00")
    history = {("E", "cit", m): Decimal("1000.00") if m < "2025" else Decimal("1000.01") for m in months}
    doc = {"effective": {"from": "2026-01"}, "enterprises": [{"id": "E", "baselines": {"cit": {"derive": {"years": 2}}}}]}
    assert Decimal(derive(doc, history, scales)["enterprises"][0]["baselines"]["cit"]) == Decimal("12000.06")


def fmt(amount, scale):
    return str(amount.quantize(unit_of(scale)))


def main():
    self_test()
    derive_self_test()
    catalogue = json.loads((CONTRACTS / "catalogues" / "indicators.json").read_text(encoding="utf-8"))
    scales = {i["code"]: i["scale"] for i in catalogue}
    order = [i["code"] for i in catalogue]
    districts = {d["code"] for d in json.loads((CONTRACTS / "catalogues" / "districts.json").read_text(encoding="utf-8"))}

    factors = current_factors([json.loads(path.read_text(encoding="utf-8")) for path in sorted((EXAMPLES / "factors").glob("*.json"))])
    history = current_history([json.loads(path.read_text(encoding="utf-8")) for path in sorted((EXAMPLES / "history").glob("*.json"))])
    agreements = {}
    owner = {}
    for path in sorted((EXAMPLES / "agreements").glob("*.json")):
        a = Agreement(derive(json.loads(path.read_text(encoding="utf-8")), history, scales), scales, order, factors)
        assert set(a.parties) <= districts
        agreements[path.name] = a
        for e in a.enterprises:
            assert e not in owner, "enterprise in two example agreements: " + e
            owner[e] = path.name

    def load(name):
        return json.loads((EXAMPLES / "figures" / name).read_text(encoding="utf-8"))

    originals = [load("tax-2025.json"), load("statistics-2025.json"), load("formula-2025.json"), load("relocation-2025.json")]
    restatements = [load("restatements-2025.json")]
    for r in originals[0]["reports"] + originals[2]["reports"] + originals[3]["reports"] + restatements[0]["reports"]:
        assert order.index(r["indicator"]) < 3, "tax batch holds tax indicators only"
    for r in originals[1]["reports"]:
        assert order.index(r["indicator"]) >= 3, "statistics batch holds statistics only"

    output = {}
    for label, batches in (("withoutRestatements", originals), ("withRestatements", originals + restatements)):
        figures = current_figures(batches, scales)
        result = {}
        for name, a in agreements.items():
            mine = {k: v for k, v in figures.items() if owner.get(k[0]) == name}
            # coverage: every figure covered; every covered enterprise x indicator x month of 2025 present
            for (e, i, m) in mine:
                assert i in a.term_of and a.doc["effective"]["from"] <= m <= a.doc["effective"]["to"]
            for e in a.enterprises:
                for i in a.term_of:
                    for month in range(1, 13):
                        assert (e, i, f"2025-{month:02d}") in mine, (name, e, i, month)
            lines = a.allocate(mine)
            totals = {p: {i: Decimal(0) for i in order if i in a.term_of} for p in a.parties}
            for (m, i, e), line in lines.items():
                for p, v in line.items():
                    totals[p][i] += v
            for i in a.term_of:
                reported = sum(v for (e, ii, m), v in mine.items() if ii == i)
                allocated = sum(totals[p][i] for p in a.parties)
                if a.term_of[i].get("mode", "split") == "split":
                    assert allocated == reported, (name, i)
            result[name] = {p: {i: fmt(v, scales[i]) for i, v in t.items()} for p, t in totals.items()}
            caps = [(e, x["cap"]) for e, x in a.enterprises.items() if "cap" in x]
            for e, cap in caps:
                running = Decimal(0)
                registered = a.enterprises[e]["registeredDistrict"]
                for (m, i, ee), line in lines.items():
                    if ee == e and i in cap["indicators"]:
                        running += sum(v for p, v in line.items() if p != registered)
                        if running == Decimal(cap["amount"]):
                            print(f"{label}: {name} cap {cap['amount']} reached in {m} ({i})", file=sys.stderr)
                            break
        output[label] = result

    target = HERE / "allocations-2025.json"
    target.write_text(json.dumps(output, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {target}", file=sys.stderr)


if __name__ == "__main__":
    main()
