using Akka.Actor;
using Akka.Persistence;
using RevenueShare.Domain.Agreements;

namespace RevenueShare.Ledger.Numbering;

/// <summary>
/// Gives out agreement ids <c>GZ-&lt;year&gt;-&lt;number&gt;</c>, numbered per year without gaps
/// or repeats: a number is answered only once it is in the journal.
/// </summary>
public sealed class AgreementNumbering : ReceivePersistentActor
{
    public const string Id = "agreement-numbering";

    private readonly Dictionary<int, int> lastByYear = [];

    public AgreementNumbering()
    {
        Recover<AgreementNumberIssued>(issued => lastByYear[issued.Year] = issued.Number);
        Command<IsIssued>(query => Sender.Tell(new IssuedAnswer(Issued(query.AgreementId))));
        Command<NextAgreementId>(next =>
        {
            var sender = Sender;
            var number = lastByYear.GetValueOrDefault(next.Year) + 1;
            Persist(new AgreementNumberIssued(next.Year, number), issued =>
            {
                lastByYear[issued.Year] = issued.Number;
                sender.Tell(AgreementId.Of(issued.Year, issued.Number));
            });
        });
    }

    public override string PersistenceId => Id;

    public static Props Props() => Akka.Actor.Props.Create(() => new AgreementNumbering());

    /// <summary>
    /// Whether the id is one this numbering gave out: its number, written the way <see cref="AgreementId.Of"/>
    /// writes it (so "GZ-2025-00001" is not "GZ-2025-0001"), is at most the year's last.
    /// </summary>
    private bool Issued(AgreementId id)
    {
        var parts = id.Value.Split('-');
        return int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
            && int.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            && number >= 1
            && AgreementId.Of(year, number) == id
            && number <= lastByYear.GetValueOrDefault(year);
    }
}
