namespace RevenueShare.Server.Http;

/// <summary>
/// One entry of the problem catalogue (<see cref="ProblemCatalogue"/>): the stable name a client
/// switches on, the status it comes with, the fixed title, and when it happens, in the words the
/// contract prints.
/// </summary>
/// <param name="Name">The slug under <see cref="Problems.TypeBase"/>; never renamed once published.</param>
/// <param name="Status">The status it is answered with (see <paramref name="When"/> where it can vary).</param>
public sealed record ProblemType(string Name, int Status, string Title, string When)
{
    /// <summary>The <c>type</c> member of the answer.</summary>
    public string Uri => Problems.TypeBase + Name;
}
