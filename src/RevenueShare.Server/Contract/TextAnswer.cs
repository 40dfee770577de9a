namespace RevenueShare.Server.Contract;

/// <summary>
/// Endpoint metadata: the route's 200 can also be text in these media types (a report as CSV, the
/// lifecycle graph), which the framework cannot see in a <c>ContentHttpResult</c> or a file answer.
/// <see cref="TextAnswers"/> writes it into the document.
/// </summary>
public sealed record TextAnswer(string When, IReadOnlyList<string> MediaTypes);
