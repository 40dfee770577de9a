namespace RevenueShare.Server.Api.Wire;

/// <summary>
/// One indicator of a statement, in its own unit (yuan for tax, 万元 for statistics; never summed
/// together): <c>net = registered − transferredOut + received</c>. Double-count credits received are
/// shown apart and are not in <see cref="Net"/>.
/// </summary>
public sealed record StatementIndicator(
    string Indicator, string Family, string Unit, string Registered, string TransferredOut, string Received, string Net, string DoubleCount);
