using ServiceDesk.Core.Tests.Storage;

namespace ServiceDesk.Core.Tests.Privacy;

/// <summary>Closed tickets past their retention on PostgreSQL: the same scenario and checks as on SQLite.</summary>
public sealed class ClosedTicketRetentionPostgresTests
{
    [PostgresFact]
    public async Task Postgres_housekeeping_when_a_ticket_closed_longer_ago_than_the_retention_anonymises_it_and_keeps_recent_and_open_ones()
    {
        var (desk, drop) = await PostgresStoreTests.StartOnPostgresAsync(s => s[ClosedTicketRetentionTests.RetentionSetting] = "365.00:00:00");
        try
        {
            await ClosedTicketRetentionTests.PlayAndCheckAsync(desk);
        }
        finally
        {
            await drop();
        }
    }
}
