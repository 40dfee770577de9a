using System.Collections.Immutable;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;

namespace RevenueShare.Server.Services;

/// <summary>
/// Why an office's request was refused, as the API and the pages both show it: the ledger's
/// <see cref="Rejection"/> (its code decides 400 / 403 / 404 / 409), or the validation problems of an
/// input, each at the JSON path of its field (the pages map those paths to their form fields).
/// <see cref="Detail"/> is the sentence for people.
/// </summary>
public sealed record Refusal(Rejection Rejection, ImmutableArray<ValidationProblem> Problems)
{
    public RejectionCode Code => Rejection.Code;

    public string Detail => Rejection.Message;

    public static Refusal Of(Rejection rejection) => new(rejection, []);

    /// <summary>404: the resource does not exist or the office may not see it (the two look alike on purpose).</summary>
    public static Refusal NotFound(string detail) => Of(new Rejection(RejectionCode.NotFound, detail));

    /// <summary>403: the office may see the resource but not take this action.</summary>
    public static Refusal Forbidden(string detail) => Of(new Rejection(RejectionCode.Forbidden, detail));

    /// <summary>400 for one field of the request.</summary>
    public static Refusal BadField(string path, string message) => Invalid(message, [new ValidationProblem(path, message)]);

    /// <summary>400 for several fields, with <paramref name="detail"/> as the sentence.</summary>
    public static Refusal Invalid(string detail, IReadOnlyList<ValidationProblem> problems) =>
        new(new Rejection(RejectionCode.Invalid, detail), [.. problems]);

    /// <summary>400 for the problems of a document: one problem is its own sentence, several are counted.</summary>
    public static Refusal Invalid(IReadOnlyList<ValidationProblem> problems) =>
        Invalid(problems.Count == 1 ? problems[0].Message : $"{problems.Count} problems; see errors.", problems);
}
