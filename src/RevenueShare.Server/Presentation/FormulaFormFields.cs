using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Terms;

namespace RevenueShare.Server.Presentation;

/// <summary>A formula term's members as the agreement and amendment forms name them (<c>terms[0].hq</c>, <c>terms[0].weights.payroll</c>).</summary>
public static class FormulaFormFields
{
    /// <summary>Fills the head office, its percent and the weights of <paramref name="formula"/> under <paramref name="prefix"/>.</summary>
    public static void Fill(Dictionary<string, string[]> fields, string prefix, FormulaShares formula)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(formula);
        fields[$"{prefix}.hq"] = [formula.Hq.Value];
        fields[$"{prefix}.hqPercent"] = [Amounts.FormatPercent(formula.HqPercent)];
        for (var k = 0; k < ApportionmentFactors.Count; k++)
        {
            fields[$"{prefix}.weights.{ApportionmentFactors.Names[k]}"] = [Amounts.FormatPercent(formula.Weights[k])];
        }
    }
}
