using RevenueShare.Tests.Postgres;

namespace RevenueShare.Server.Tests;

/// <summary>The shared PostgreSQL server's collection; xunit needs the definition in this assembly.</summary>
[CollectionDefinition(PostgresFixture.Collection)]
public sealed class SharedPostgresServer : ICollectionFixture<PostgresFixture>;
