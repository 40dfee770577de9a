using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>
/// The catalogue entry of a stored indicator code. The catalogue is configuration and may grow, but
/// it must never lose a code its journal uses (docs/storage.md): a missing one is a store this
/// configuration cannot read, so decoding stops rather than guessing a scale or an order.
/// </summary>
internal static class WireIndicators
{
    /// <summary>Throws <see cref="FormatException"/>, which the serializer reports with the manifest.</summary>
    public static Indicator Resolve(ReferenceData reference, string code) =>
        reference.TryGetIndicator(code, out var indicator)
            ? indicator
            : throw new FormatException($"the indicator '{code}' is not in the configured catalogue (known: {string.Join(", ", reference.Indicators.Select(i => i.Code))}); a catalogue may grow but never lose a code its journal uses.");
}
