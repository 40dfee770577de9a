using System.Collections.Immutable;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Terms;

namespace RevenueShare.Ledger.Projections;

/// <summary>
/// Each agreement's enterprises' registered districts, by credit code, kept across batches: every
/// entry and figure is totalled under its enterprise's registered district, and the dictionary is
/// rebuilt only when the agreement's enterprises change (in Draft).
/// </summary>
internal sealed class RegisteredDistricts
{
    private readonly Dictionary<AgreementId, (ImmutableArray<CoveredEnterprise> Enterprises, Dictionary<string, string> Districts)> known = [];

    public IReadOnlyDictionary<string, string> Of(AgreementState header)
    {
        if (known.TryGetValue(header.Id, out var kept) && kept.Enterprises == header.Rules.Enterprises)
        {
            return kept.Districts;
        }

        var districts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var enterprise in header.Rules.Enterprises)
        {
            districts[enterprise.Id.Value] = enterprise.RegisteredDistrict.Value;
        }

        known[header.Id] = (header.Rules.Enterprises, districts);
        return districts;
    }
}
