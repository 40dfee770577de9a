namespace RevenueShare.Ledger.Projections;

/// <summary>The projection is not keeping up (it is failing): reads cannot honour read-your-writes now.</summary>
public sealed class ReadSideUnavailableException(string message) : Exception(message);
