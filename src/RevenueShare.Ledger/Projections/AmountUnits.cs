namespace RevenueShare.Ledger.Projections;

/// <summary>Amounts in the read tables are whole units of their scale (fen at scale 2), so SQL sums are exact.</summary>
public static class AmountUnits
{
    public static long ToUnits(decimal amount, int scale) => checked(decimal.ToInt64(amount * Factor(scale)));

    public static decimal FromUnits(long units, int scale) => units / Factor(scale);

    private static decimal Factor(int scale) => scale switch
    {
        0 => 1m,
        1 => 10m,
        2 => 100m,
        3 => 1000m,
        4 => 10000m,
        _ => throw new ArgumentOutOfRangeException(nameof(scale), scale, "Scales 0 to 4 are supported."),
    };
}
