using Akka.Actor;
using Akka.Serialization;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Agreements;
using RevenueShare.Ledger.Coverage;
using RevenueShare.Ledger.Numbering;
using RevenueShare.Ledger.ReportIds;
using RevenueShare.Ledger.Serialization.Messages;

namespace RevenueShare.Ledger.Serialization;

/// <summary>
/// What the ledger's actors say to each other across the nodes of a cluster: the offices' commands
/// to agreements, the agreements' answers, and the questions to the coverage registry and the
/// numbering. Each manifest has a wire record of its own (<see cref="Messages"/>) built from the
/// journal's wire records where the two carry the same thing (terms, reports, coverage), so a message
/// never depends on how a domain type happens to be shaped. Nothing here is stored: a message lives
/// between the nodes of one release (docs/decisions.md, Messages between nodes).
/// </summary>
public sealed class LedgerMessageSerializer : SerializerWithStringManifest
{
    public const int SerializerIdentifier = 4402;

    private static readonly WireCodec[] Codecs =
    [
        WireCodec.Json<CreateAgreement, TermsCommandWire>("create-agreement.v1", TermsCommandWire.Of, (w, reference) => w.ToCreate(reference)),
        WireCodec.Json<EditDraft, TermsCommandWire>("edit-draft.v1", TermsCommandWire.Of, (w, reference) => w.ToEdit(reference)),
        WireCodec.Json<FireTrigger, FireTriggerWire>("fire-trigger.v1", FireTriggerWire.Of, (w, _) => w.ToDomain()),
        WireCodec.Json<ProposeAmendment, ProposeAmendmentWire>("propose-amendment.v1", ProposeAmendmentWire.Of, (w, reference) => w.ToDomain(reference)),
        WireCodec.Json<FireAmendmentTrigger, FireAmendmentTriggerWire>("fire-amendment-trigger.v1", FireAmendmentTriggerWire.Of, (w, _) => w.ToDomain()),
        WireCodec.Json<BookFigures, BookFiguresWire>("book-figures.v1", BookFiguresWire.Of, (w, reference) => w.ToDomain(reference)),
        WireCodec.Json<ReviewMonth, ReviewMonthWire>("review-month.v1", ReviewMonthWire.Of, (w, _) => w.ToDomain()),
        WireCodec.Json<ReportFactors, ReportFactorsWire>("report-factors.v1", ReportFactorsWire.Of, (w, _) => w.ToDomain()),
        WireCodec.Json<ReportHistory, ReportHistoryWire>("report-history.v1", ReportHistoryWire.Of, (w, reference) => w.ToDomain(reference)),
        WireCodec.Json<CertifyHistory, CertifyHistoryWire>("certify-history.v1", CertifyHistoryWire.Of, (w, reference) => w.ToDomain(reference)),
        WireCodec.Json<GetAgreement, AgreementIdWire>("get-agreement.v1", m => new(m.AgreementId.Value), (w, _) => new GetAgreement(AgreementId.Parse(w.AgreementId))),
        new("agreement-reply.v1", typeof(AgreementReply), o => AgreementReplyWire.Write((AgreementReply)o), AgreementReplyWire.Read, null),
        WireCodec.Json<ReserveCoverage, ReserveCoverageWire>("reserve-coverage.v1", ReserveCoverageWire.Of, (w, reference) => w.ToDomain(reference)),
        WireCodec.Json<CoverageReserved, AgreementIdWire>("coverage-reserved.v1", m => new(m.AgreementId.Value), (w, _) => new CoverageReserved(AgreementId.Parse(w.AgreementId))),
        WireCodec.Json<CoverageCollision, CoverageCollisionWire>("coverage-collision.v1", CoverageCollisionWire.Of, (w, reference) => w.ToDomain(reference)),
        WireCodec.Json<RouteFigures, RouteFiguresWire>("route-figures.v1", RouteFiguresWire.Of, (w, reference) => w.ToDomain(reference)),
        WireCodec.Json<FigureRoutes, FigureRoutesWire>("figure-routes.v1", FigureRoutesWire.Of, (w, _) => w.ToDomain()),
        WireCodec.Json<NextAgreementId, NextAgreementId>("next-agreement-id.v1", m => m, (w, _) => w),
        WireCodec.Json<AgreementId, AgreementIdWire>("agreement-id.v1", id => new(id.Value), (w, _) => AgreementId.Parse(w.AgreementId)),
        WireCodec.Json<IsIssued, AgreementIdWire>("is-issued.v1", m => new(m.AgreementId.Value), (w, _) => new IsIssued(AgreementId.Parse(w.AgreementId))),
        WireCodec.Json<IssuedAnswer, IssuedAnswer>("issued-answer.v1", m => m, (w, _) => w),
        WireCodec.Json<ClaimReportIds, ClaimReportIdsWire>("claim-report-ids.v1", ClaimReportIdsWire.Of, (w, _) => w.ToDomain()),
        WireCodec.Json<ReportIdClaims, ReportIdClaimsWire>("report-id-claims.v1", ReportIdClaimsWire.Of, (w, _) => w.ToDomain()),
        WireCodec.Json<ReportIdClaim, ReportIdClaimWire>("report-id-claim.v1", ReportIdClaimWire.Of, (w, _) => w.ToDomain()),
        WireCodec.Json<ConfirmReportId, ConfirmReportIdWire>("confirm-report-id.v1", ConfirmReportIdWire.Of, (w, _) => w.ToDomain()),
        WireCodec.Json<SettleReportIds, SettleReportIdsWire>("settle-report-ids.v1", SettleReportIdsWire.Of, (w, _) => w.ToDomain()),
    ];

    private static readonly WireCodecTable Table = new(Codecs, "the ledger's messages between nodes");

    private readonly ReferenceData reference;

    /// <summary>Called by Akka.NET; needs the actor system to have been created with a <see cref="LedgerSerializerSetup"/>, as <see cref="LedgerSerializer"/> does.</summary>
    public LedgerMessageSerializer(ExtendedActorSystem system)
        : base(system)
    {
        reference = LedgerSerializerSetup.ReferenceOf(system, "The ledger's message serializer");
    }

    public override int Identifier => SerializerIdentifier;

    /// <summary>Every type this serializer writes, for the round-trip tests.</summary>
    public static IReadOnlyCollection<Type> SupportedTypes => Table.WrittenTypes;

    public override string Manifest(object o) => Table.WriterFor(o.GetType()).Manifest;

    public override byte[] ToBinary(object obj) => Table.WriterFor(obj.GetType()).Write!(obj);

    public override object FromBinary(byte[] bytes, string manifest) => Table.ReaderFor(manifest).Decode(bytes, reference);
}
