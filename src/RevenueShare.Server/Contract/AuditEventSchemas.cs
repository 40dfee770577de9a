using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using RevenueShare.Domain.Agreements;
using RevenueShare.Ledger.Projections;
using RevenueShare.Ledger.Serialization;
using RevenueShare.Ledger.Serialization.Wire;
using RevenueShare.Server.Api.Wire;

namespace RevenueShare.Server.Contract;

/// <summary>
/// Types the audit trail's events: <c>AuditEventView</c> becomes one schema per event kind, told apart by
/// <c>type</c> (a discriminator), each with the <c>detail</c> of its kind. A detail is the event's stored
/// record as JSON (<c>AuditProjector</c>), so its schema is generated from that record; two kinds store a
/// summary instead (a booking's counts and reportIds, an approved amendment's number and entry count),
/// described here, and two a detail record of their own (a factor report's, a certification's). The kind's name is the journal's manifest without its version, from
/// <see cref="LedgerSerializer"/>, as the trail names it.
/// </summary>
public sealed class AuditEventSchemas : IOpenApiDocumentTransformer
{
    /// <summary>Every event an agreement's trail can hold and the record its detail is (null: a summary, below).</summary>
    public static IReadOnlyList<(Type Event, Type? Detail)> Kinds { get; } =
    [
        (typeof(AgreementCreated), typeof(AgreementCreatedWire)),
        (typeof(DraftEdited), typeof(DraftEditedWire)),
        (typeof(AgreementSubmitted), typeof(AgreementSubmittedWire)),
        (typeof(AgreementCountersigned), typeof(AgreementCountersignedWire)),
        (typeof(AgreementApproved), typeof(AgreementApprovedWire)),
        (typeof(AgreementRejected), typeof(AgreementRejectedWire)),
        (typeof(AgreementWithdrawn), typeof(AgreementWithdrawnWire)),
        (typeof(AgreementSuspended), typeof(AgreementSuspendedWire)),
        (typeof(AgreementResumed), typeof(AgreementResumedWire)),
        (typeof(AgreementTerminated), typeof(AgreementTerminatedWire)),
        (typeof(AmendmentProposed), typeof(AmendmentProposedWire)),
        (typeof(AmendmentCountersigned), typeof(AmendmentCountersignedWire)),
        (typeof(AmendmentApproved), null),
        (typeof(AmendmentRejected), typeof(AmendmentRejectedWire)),
        (typeof(AmendmentWithdrawn), typeof(AmendmentWithdrawnWire)),
        (typeof(FiguresBooked), null),
        (typeof(MonthReviewed), typeof(MonthReviewedV2Wire)),
        (typeof(FactorsReported), typeof(FactorsReportedDetail)),
        (typeof(HistoryReported), typeof(HistoryReportedWire)),
        (typeof(HistoryCertified), typeof(HistoryCertifiedDetail)),
    ];

    /// <summary>The kind's name in the trail: its manifest without the version (<c>agreement-created</c>).</summary>
    public static string KindOf(Type @event) => LedgerSerializer.ManifestFor(@event).Split('.')[0];

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var schemas = document.Components!.Schemas!;
        if (!schemas.TryGetValue(nameof(AuditEventView), out var generated) || generated is not OpenApiSchema view)
        {
            return;
        }

        var mapping = new Dictionary<string, OpenApiSchemaReference>(StringComparer.Ordinal);
        var variants = new List<IOpenApiSchema>();
        foreach (var (@event, detailType) in Kinds)
        {
            var kind = KindOf(@event);
            var detailName = @event.Name + "Detail";
            schemas[detailName] = detailType is null ? Summary(@event) : Nullable(await context.GetOrCreateSchemaAsync(detailType, null, cancellationToken), detailType);

            var variant = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = $"An event {kind} of the audit trail.",
                Required = new HashSet<string>(view.Required ?? new HashSet<string>(), StringComparer.Ordinal),
                AdditionalPropertiesAllowed = false,
                Properties = new Dictionary<string, IOpenApiSchema>(view.Properties!, StringComparer.Ordinal)
                {
                    ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(kind)] },
                    ["detail"] = new OpenApiSchemaReference(detailName, document),
                },
            };
            var variantName = @event.Name + "Event";
            schemas[variantName] = variant;
            var reference = new OpenApiSchemaReference(variantName, document);
            mapping[kind] = reference;
            variants.Add(reference);
        }

        schemas[nameof(AuditEventView)] = new OpenApiSchema
        {
            Description = "One event of an agreement's audit trail, with when, by whom and why; type names its kind and decides the shape of detail.",
            OneOf = variants,
            Discriminator = new OpenApiDiscriminator { PropertyName = "type", Mapping = mapping },
        };
    }

    /// <summary>
    /// Lets null through where the record's member may be null (an enterprise without a cap): the
    /// framework marks nullable strings, not the nested records it writes inline here.
    /// </summary>
    private static OpenApiSchema Nullable(OpenApiSchema schema, Type type)
    {
        var nullability = new NullabilityInfoContext();
        foreach (var property in type.GetProperties())
        {
            if (schema.Properties?.TryGetValue(JsonNamingPolicy.CamelCase.ConvertName(property.Name), out var member) != true || member is not OpenApiSchema child)
            {
                continue;
            }

            if (nullability.Create(property).ReadState == NullabilityState.Nullable && child.Type is { } kind)
            {
                child.Type = kind | JsonSchemaType.Null;
            }

            var inner = property.PropertyType;
            if (child.Items is OpenApiSchema items && inner.IsGenericType && inner.GetGenericArguments() is [var element])
            {
                Nullable(items, element);
            }
            else if (child.Properties is not null)
            {
                Nullable(child, inner);
            }
        }

        return schema;
    }

    /// <summary>The two kinds whose detail is a summary of the event (AuditProjector writes them so).</summary>
    private static OpenApiSchema Summary(Type @event)
    {
        static OpenApiSchema Count() => new() { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "0" };
        var properties = @event == typeof(FiguresBooked)
            ? new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                ["reports"] = Count(),
                ["entries"] = Count(),
                ["reportIds"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            }
            : new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                ["number"] = Count(),
                ["entries"] = Count(),
            };
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = @event == typeof(FiguresBooked)
                ? "A booking: how many reports and entries it booked, and the reports' ids (the figures and entries themselves are the allocations')."
                : "An amendment took effect: its number and how many adjustment entries it booked.",
            Required = new HashSet<string>(properties.Keys, StringComparer.Ordinal),
            AdditionalPropertiesAllowed = false,
            Properties = properties,
        };
    }
}
