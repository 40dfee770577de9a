using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Primitives;
using RevenueShare.Domain.Documents;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Terms;

namespace RevenueShare.Server.Presentation;

/// <summary>
/// The form of a Draft agreement: its fields named by their <see cref="FormDocument"/> paths, a fixed
/// number of rows for parties, enterprises, terms and ratio steps (spare rows are left blank), and the
/// validation problems of the API's reader shown beside the field each names. A ratio is entered per
/// party row (<c>terms[0].schedule[0].ratio[1]</c>: the second party's percent) and becomes the
/// document's ratio keyed by that party's district.
/// </summary>
public sealed partial class DraftForm : PathForm
{
    public const int PartyRows = 3;

    public const int EnterpriseRows = 3;

    public const int TermRows = 2;

    public const int StepRows = 2;

    /// <summary>Fields a form sends several times (checkboxes), which the document holds as lists.</summary>
    private static readonly HashSet<string> Lists = new(StringComparer.Ordinal) { "terms[].indicators", "enterprises[].cap.indicators" };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private DraftForm(Dictionary<string, string[]> values)
        : base(values)
    {
    }

    /// <summary>An empty form: one origin and one host row to start from.</summary>
    public static DraftForm Empty() => new(new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["model"] = ["hq-rnd+manufacturing"],
        ["parties[0].role"] = ["origin"],
        ["parties[1].role"] = ["host"],
        ["terms[0].mode"] = ["split"],
    });

    public static DraftForm Posted(IEnumerable<KeyValuePair<string, StringValues>> form) => new(ValuesOf(form));

    /// <summary>The form of a Draft's terms, to edit them.</summary>
    public static DraftForm Of(AgreementTerms terms)
    {
        var v = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["title"] = [terms.Title],
            ["model"] = [terms.Model == AgreementModel.HqRndManufacturing ? "hq-rnd+manufacturing" : "incubation+industrialisation"],
            ["effective.from"] = [Months.Format(terms.Effective.From)],
            ["effective.to"] = [Months.Format(terms.Effective.To)],
        };
        for (var p = 0; p < terms.Parties.Length; p++)
        {
            v[$"parties[{p}].district"] = [terms.Parties[p].District.Value];
            v[$"parties[{p}].role"] = [terms.Parties[p].Role == PartyRole.Origin ? "origin" : "host"];
        }

        for (var e = 0; e < terms.Enterprises.Length; e++)
        {
            var enterprise = terms.Enterprises[e];
            v[$"enterprises[{e}].id"] = [enterprise.Id.Value];
            v[$"enterprises[{e}].name"] = [enterprise.Name];
            v[$"enterprises[{e}].registeredDistrict"] = [enterprise.RegisteredDistrict.Value];
            foreach (var (indicator, amount) in enterprise.Baselines.Where(b => !enterprise.DerivedBaselines.ContainsKey(b.Key)))
            {
                v[$"enterprises[{e}].baselines.{indicator.Code}"] = [amount.ToString(CultureInfo.InvariantCulture)];
            }

            foreach (var (indicator, derivation) in enterprise.DerivedBaselines)
            {
                v[$"enterprises[{e}].baselineYears.{indicator.Code}"] = [derivation.Years.ToString(CultureInfo.InvariantCulture)];
            }

            if (enterprise.Cap is { } cap)
            {
                v[$"enterprises[{e}].cap.indicators"] = [.. cap.Indicators.Select(i => i.Code)];
                if (cap.Derived is { } derived)
                {
                    v[$"enterprises[{e}].cap.deriveYears"] = [derived.Years.ToString(CultureInfo.InvariantCulture)];
                }
                else
                {
                    v[$"enterprises[{e}].cap.amount"] = [cap.Amount.ToString(CultureInfo.InvariantCulture)];
                }
            }
        }

        for (var t = 0; t < terms.Terms.Length; t++)
        {
            var term = terms.Terms[t];
            v[$"terms[{t}].indicators"] = [.. term.Indicators.Select(i => i.Code)];
            v[$"terms[{t}].mode"] = [Words.ModeName(term.Mode)];
            if (term.Formula is { } formula)
            {
                FormulaFormFields.Fill(v, $"terms[{t}]", formula);
            }

            for (var s = 0; s < term.Schedule.Length; s++)
            {
                v[$"terms[{t}].schedule[{s}].from"] = [Months.Format(term.Schedule[s].From)];
                for (var p = 0; p < terms.Parties.Length; p++)
                {
                    if (term.Schedule[s].Ratios.TryGetValue(terms.Parties[p].District, out var ratio))
                    {
                        v[$"terms[{t}].schedule[{s}].ratio[{p}]"] = [Amounts.FormatPercent(ratio)];
                    }
                }
            }
        }

        return new DraftForm(v);
    }

    /// <summary>
    /// The document the form describes, for the same reader as the API's. A cap or baseline derived from
    /// history is chosen by its years (<c>cap.deriveYears</c>, <c>baselineYears.cit</c>) and becomes the
    /// document's <c>derive</c>; a derived baseline's amount field is not read.
    /// </summary>
    public AgreementDocument ToDocument()
    {
        var document = Document(Lists);
        foreach (var enterprise in document["enterprises"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            if (enterprise["cap"] is JsonObject cap && cap.Remove("deriveYears", out var capYears) && Years(capYears) is { } years)
            {
                cap["derive"] = new JsonObject { ["years"] = years };
            }

            if (enterprise.Remove("baselineYears", out var baselineYears) && baselineYears is JsonObject byIndicator)
            {
                foreach (var (code, text) in byIndicator)
                {
                    if (Years(text) is { } n)
                    {
                        var baselines = enterprise["baselines"] as JsonObject ?? [];
                        baselines[code] = new JsonObject { ["derive"] = new JsonObject { ["years"] = n } };
                        enterprise["baselines"] = baselines;
                    }
                }
            }
        }

        return document.Deserialize<AgreementDocument>(Json)!;
    }

    /// <summary>A derivation's years as the form chose them: blank is none (an agreed amount).</summary>
    private static int? Years(JsonNode? chosen) =>
        int.TryParse(chosen?.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out var years) ? years : null;

    /// <inheritdoc/>
    protected override bool Shows(string field) => FieldShape().IsMatch(field);

    /// <summary>A ratio row's field as the document's ratio keyed by the party row's district.</summary>
    protected override string DocumentField(string name)
    {
        var match = RatioField().Match(name);
        return match.Success && Value($"parties[{match.Groups["party"].Value}].district") is { } district
            ? $"{match.Groups["step"].Value}.ratios.{district}"
            : match.Success ? "__unassigned" : name;
    }

    /// <summary>The inverse of <see cref="DocumentField"/>: a document ratio's path as the party row's field.</summary>
    protected override string FormField(string documentField)
    {
        if (DocumentDerivation().Match(documentField) is { Success: true } derivation)
        {
            return derivation.Groups["indicator"].Success
                ? $"{derivation.Groups["enterprise"].Value}.baselineYears.{derivation.Groups["indicator"].Value}"
                : $"{derivation.Groups["enterprise"].Value}.cap.deriveYears";
        }

        var match = DocumentRatio().Match(documentField);
        if (!match.Success)
        {
            return documentField;
        }

        for (var p = 0; p < PartyRows; p++)
        {
            if (Value($"parties[{p}].district") == match.Groups["district"].Value)
            {
                return $"{match.Groups["step"].Value}.ratio[{p}]";
            }
        }

        return documentField;
    }

    [GeneratedRegex(@"^(?<step>terms\[\d+\]\.schedule\[\d+\])\.ratio\[(?<party>\d+)\]$")]
    private static partial Regex RatioField();

    [GeneratedRegex(@"^(?<step>terms\[\d+\]\.schedule\[\d+\])\.ratios\.(?<district>\d+)$")]
    private static partial Regex DocumentRatio();

    /// <summary>A derivation's path in the document: <c>enterprises[0].cap.derive(.years)</c> or <c>enterprises[0].baselines.cit.derive(.years)</c>.</summary>
    [GeneratedRegex(@"^(?<enterprise>enterprises\[\d+\])\.(cap|baselines\.(?<indicator>[a-z-]+))\.derive(\.years)?$")]
    private static partial Regex DocumentDerivation();

    /// <summary>Every name the form shows problems beside: its fields, and its rows and lists as wholes.</summary>
    [GeneratedRegex(@"^(title|model|effective(\.(from|to))?|parties(\[\d\](\.(district|role))?)?|enterprises(\[\d\](\.(id|name|registeredDistrict|baselines\.[a-z-]+|baselineYears\.[a-z-]+|cap(\.(indicators|amount|deriveYears))?))?)?|terms(\[\d\](\.(indicators|mode|hq|hqPercent|weights(\.(operatingRevenue|payroll|assets))?|schedule(\[\d\](\.(from|ratios|ratio\[\d\]))?)?))?)?)$")]
    private static partial Regex FieldShape();
}
