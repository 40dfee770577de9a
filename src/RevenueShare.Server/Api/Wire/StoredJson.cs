using System.Text.Json.Serialization;

namespace RevenueShare.Server.Api.Wire;

/// <summary>
/// JSON the ledger already serialized (an audit event's detail), answered as it is: nothing parses it
/// on the way out. The read side stores it escaped as the answers are, so embedding it leaves every
/// answer as it was when it was parsed and written again. The API documents it as any JSON value, under
/// the schema name the contract has always given the detail (<see cref="ServerHost"/>).
/// </summary>
[JsonConverter(typeof(StoredJsonConverter))]
public sealed record StoredJson(string Json);
