using Akka.Configuration;
using RevenueShare.Ledger.Agreements;
using RevenueShare.Ledger.Serialization;
using RevenueShare.Ledger.Storage;

namespace RevenueShare.Ledger;

/// <summary>
/// The actor system's configuration for a store: Akka.Persistence.Sql for journal, snapshots and
/// queries (Csv tags: the tag table mode scans the whole tag table per row on read), our serializer
/// bound to everything we persist.
/// </summary>
public static class LedgerConfig
{
    public static Config For(StoreOptions store)
    {
        var provider = store.Kind == StoreKind.Sqlite ? "SQLite.MS" : "PostgreSQL";

        // SQLite allows one writer per file: one journal writer avoids lock errors.
        var parallelism = store.Kind == StoreKind.Sqlite ? 1 : 3;
        var hocon = $$"""
            akka {
              loglevel = WARNING

              # The host stops the actor system, after the web server has answered the requests in
              # flight (docs/operations.md, Stop): not Akka's own hook on the process's exit.
              coordinated-shutdown.run-by-clr-shutdown-hook = off
              actor {
                serializers {
                  ledger = "{{typeof(LedgerSerializer).AssemblyQualifiedName}}"
                  ledger-messages = "{{typeof(LedgerMessageSerializer).AssemblyQualifiedName}}"
                }
                serialization-bindings {
                  "{{typeof(Domain.Agreements.IAgreementEvent).AssemblyQualifiedName}}" = ledger
                  "{{typeof(ILedgerRecord).AssemblyQualifiedName}}" = ledger
                  "{{typeof(IAgreementSnapshot).AssemblyQualifiedName}}" = ledger
                  "{{typeof(Domain.Agreements.IAgreementCommand).AssemblyQualifiedName}}" = ledger-messages
                  "{{typeof(ILedgerMessage).AssemblyQualifiedName}}" = ledger-messages
                  "{{typeof(Domain.Agreements.AgreementId).AssemblyQualifiedName}}" = ledger-messages
                }
                serialization-identifiers {
                  "{{typeof(LedgerSerializer).AssemblyQualifiedName}}" = {{LedgerSerializer.SerializerIdentifier}}
                  "{{typeof(LedgerMessageSerializer).AssemblyQualifiedName}}" = {{LedgerMessageSerializer.SerializerIdentifier}}
                }
              }
              persistence {
                journal {
                  plugin = "akka.persistence.journal.sql"
                  sql {
                    class = "Akka.Persistence.Sql.Journal.SqlWriteJournal, Akka.Persistence.Sql"
                    connection-string = {{Quote(store.JournalConnectionString)}}
                    provider-name = "{{provider}}"
                    auto-initialize = true
                    tag-write-mode = Csv
                    parallelism = {{parallelism}}
                    # Events as parameters, not as hex literals in the statement's text: the server
                    # parsed every payload from hex, and building the text made large strings (docs/decisions.md).
                    prefer-parameters-on-multirow-insert = true
                    event-adapters { agreement-tagger = "{{typeof(AgreementEventTagger).AssemblyQualifiedName}}" }
                    event-adapter-bindings { "{{typeof(Sealing.SealedEvent).AssemblyQualifiedName}}" = agreement-tagger }
                  }
                }
                snapshot-store {
                  plugin = "akka.persistence.snapshot-store.sql"
                  sql {
                    class = "Akka.Persistence.Sql.Snapshot.SqlSnapshotStore, Akka.Persistence.Sql"
                    connection-string = {{Quote(store.SnapshotConnectionString)}}
                    provider-name = "{{provider}}"
                    auto-initialize = true
                  }
                }
                query.journal.sql {
                  class = "Akka.Persistence.Sql.Query.SqlReadJournalProvider, Akka.Persistence.Sql"
                  connection-string = {{Quote(store.JournalConnectionString)}}
                  provider-name = "{{provider}}"
                  tag-read-mode = Csv
                  refresh-interval = 50ms
                  journal-sequence-retrieval.query-delay = 50ms
                  # A busy machine (CI on two cores) can take longer than the 1 s default to answer.
                  journal-sequence-retrieval.ask-timeout = 10s
                }
              }
            }
            """;
        return ConfigurationFactory.ParseString(hocon);
    }

    internal static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
