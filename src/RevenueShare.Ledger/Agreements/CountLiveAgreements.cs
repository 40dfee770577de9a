namespace RevenueShare.Ledger.Agreements;

/// <summary>Asks the <see cref="AgreementRegion"/> how many agreements are in memory (answered with an int).</summary>
public sealed class CountLiveAgreements
{
    public static CountLiveAgreements Instance { get; } = new();

    private CountLiveAgreements()
    {
    }
}
