using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Primitives;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Documents;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Server.Presentation;

/// <summary>
/// The form of a proposed amendment: the month it takes effect from and the new sharing terms, in rows
/// like the Draft's, each ratio named by its party's district as the document keys it
/// (<c>terms[0].schedule[0].ratios.440106</c>), since an Active agreement's parties are fixed.
/// </summary>
public sealed partial class AmendmentForm : PathForm
{
    public const int TermRows = 3;

    public const int StepRows = 2;

    private static readonly HashSet<string> Lists = new(StringComparer.Ordinal) { "terms[].indicators" };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private AmendmentForm(Dictionary<string, string[]> values)
        : base(values)
    {
    }

    public static AmendmentForm Posted(IEnumerable<KeyValuePair<string, StringValues>> form) => new(ValuesOf(form));

    /// <summary>The form filled with the agreement's terms in force, to change from <paramref name="from"/>.</summary>
    public static AmendmentForm Of(AgreementState agreement, NodaTime.YearMonth from)
    {
        var v = new Dictionary<string, string[]>(StringComparer.Ordinal) { ["from"] = [Months.Format(from)] };
        var terms = agreement.Terms.Terms;
        for (var t = 0; t < terms.Length; t++)
        {
            v[$"terms[{t}].indicators"] = [.. terms[t].Indicators.Select(i => i.Code)];
            v[$"terms[{t}].mode"] = [Words.ModeName(terms[t].Mode)];
            if (terms[t].Formula is { } formula)
            {
                FormulaFormFields.Fill(v, $"terms[{t}]", formula);
                continue;
            }

            v[$"terms[{t}].schedule[0].from"] = [Months.Format(from)];
            var current = terms[t].Schedule.LastOrDefault(s => s.From <= from) ?? terms[t].Schedule[0];
            foreach (var (district, ratio) in current.Ratios)
            {
                v[$"terms[{t}].schedule[0].ratios.{district.Value}"] = [ratio.ToString(CultureInfo.InvariantCulture)];
            }
        }

        return new AmendmentForm(v);
    }

    /// <summary>The month and the terms, as the API's amendment request carries them.</summary>
    public (string? From, IReadOnlyList<TermDocument?>? Terms) ToRequest()
    {
        var document = Document(Lists);
        return (document["from"]?.GetValue<string>(), document["terms"]?.Deserialize<TermDocument?[]>(Json));
    }

    /// <inheritdoc/>
    protected override bool Shows(string field) => FieldShape().IsMatch(field);

    [GeneratedRegex(@"^(from|terms(\[\d\](\.(indicators|mode|hq|hqPercent|weights(\.(operatingRevenue|payroll|assets))?|schedule(\[\d\](\.(from|ratios(\.\d+)?))?)?))?)?)$")]
    private static partial Regex FieldShape();
}
