using Akka.Actor;
using Akka.Persistence;

namespace RevenueShare.Ledger.Numbering;

/// <summary>
/// Gives out agreement ids <c>GZ-&lt;year&gt;-&lt;number&gt;</c>, numbered per year without gaps
/// or repeats: a number is answered only once it is in the journal.
/// </summary>
public sealed class AgreementNumbering : ReceivePersistentActor
{
    public const string Id = "agreement-numbering";
    private const string Prefix = "GZ";

    private readonly Dictionary<int, int> lastByYear = [];

    public AgreementNumbering()
    {
        Recover<AgreementNumberIssued>(issued => lastByYear[issued.Year] = issued.Number);
        Command<IsIssued>(query => Sender.Tell(Issued(query.AgreementId)));
        Command<NextAgreementId>(next =>
        {
            var sender = Sender;
            var number = lastByYear.GetValueOrDefault(next.Year) + 1;
            Persist(new AgreementNumberIssued(next.Year, number), issued =>
            {
                lastByYear[issued.Year] = issued.Number;
                sender.Tell(Format(issued.Year, issued.Number));
            });
        });
    }

    public override string PersistenceId => Id;

    public static Props Props() => Akka.Actor.Props.Create(() => new AgreementNumbering());

    public static string Format(int year, int number) => $"{Prefix}-{year:D4}-{number:D4}";

    private bool Issued(string id)
    {
        var parts = id.Split('-');
        return parts.Length == 3
            && parts[0] == Prefix
            && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
            && int.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            && number >= 1
            && Format(year, number) == id
            && number <= lastByYear.GetValueOrDefault(year);
    }
}
