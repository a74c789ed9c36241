namespace ServiceDesk.Core.Tests.Storage;

/// <summary>
/// A test that needs a PostgreSQL server: <c>SERVICEDESK_TEST_POSTGRES</c> names it (a connection string to a database
/// where the test may create databases). <c>.ci/run</c> installs and starts one; without it the test is reported skipped.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "SERVICEDESK_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
            Skip = $"set {Variable} to a PostgreSQL connection string (bash .ci/run starts a server) to run this test";
    }
}
