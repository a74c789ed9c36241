using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using ServiceDesk.Core.People;
using ServiceDesk.Core.Storage;

namespace ServiceDesk.Core.Conversations;

/// <summary>
/// The queries every turn runs. Compiled once per engine: no expression tree to build and look up per turn (that was a
/// tenth of a turn's CPU time with <c>FindAsync</c>). Not static: a compiled query serves one model, i.e. one store
/// provider (a process may host a SQLite and a PostgreSQL desk, as the tests do).
/// </summary>
internal sealed class TurnQueries
{
    /// <summary>
    /// Whether the message was handled, the person's profile, the conversation's state and the person's newest ticket
    /// that waits for their answer (a seek on the requester index), in one statement (the same SQL
    /// on SQLite and PostgreSQL): one round trip and one read transaction instead of three. The entities come back
    /// attached, as a tracking query would leave them.
    /// </summary>
    private const string StartSql = """
        SELECT EXISTS (SELECT 1 FROM "processed_messages" WHERE "Channel" = {0} AND "MessageId" = {1}),
               p."PersonId", p."Language", p."PrivateChannel", p."PrivateConversationId", p."Unreachable", p."UpdatedAt",
               c."Id", c."Channel", c."ConversationId", c."PersonId", c."Language", c."Dialog", c."Step", c."Data", c."UpdatedAt", c."Version",
               (SELECT t."Id" FROM "tickets" AS t WHERE t."RequesterId" = {2} AND t."Status" = 'WaitingForUser' ORDER BY t."UpdatedAt" DESC LIMIT 1)
        FROM (SELECT 1 AS "One") AS "o"
        LEFT JOIN "person_profiles" AS p ON p."PersonId" = {2}
        LEFT JOIN "conversations" AS c ON c."Id" = {3}
        """;

    // the SQL text and parameters, built once; the command is made per turn (an EF Core command keeps per-execution state)
    private RawSqlCommand? _start;

    public readonly Func<ServiceDeskDbContext, string, string, CancellationToken, Task<bool>> IsProcessed =
        EF.CompileAsyncQuery((ServiceDeskDbContext db, string channel, string messageId, CancellationToken _) =>
            db.ProcessedMessages.Any(p => p.Channel == channel && p.MessageId == messageId));

    /// <summary>What a turn starts from (on SQLite read through the writer's warm connection); <paramref name="db"/> has no transaction.</summary>
    public Task<TurnStart> StartAsync(ServiceDeskDbContext db, string channel, string messageId, string personId, string conversationKey,
        CancellationToken ct) =>
        db.ReadThroughWriterAsync(c => ReadStartAsync(db, channel, messageId, personId, conversationKey, c), ct);

    private async Task<TurnStart> ReadStartAsync(ServiceDeskDbContext db, string channel, string messageId, string personId, string conversationKey,
        CancellationToken ct)
    {
        // through EF's command pipeline (not a bare DbCommand), so that its logging and interceptors see it like any query
        var template = _start ??= BuildStart(db);
        var builder = db.GetService<IRelationalCommandBuilderFactory>().Create().Append(template.RelationalCommand.CommandText);
        foreach (var parameter in template.RelationalCommand.Parameters) builder.AddParameter(parameter);
        var command = builder.Build();
        var parameters = new Dictionary<string, object?>(4)
        {
            ["p0"] = channel,
            ["p1"] = messageId,
            ["p2"] = personId,
            ["p3"] = conversationKey,
        };
        PersonProfile? profile = null;
        ConversationState? state = null;
        bool processed;
        long? waiting;
        var execution = new RelationalCommandParameterObject(db.GetService<IRelationalConnection>(), parameters, null, db,
            db.GetService<IRelationalCommandDiagnosticsLogger>());
        await using (var reader = await command.ExecuteReaderAsync(execution, ct))
        {
            var row = reader.DbDataReader;
            if (!await row.ReadAsync(ct)) throw new InvalidOperationException("The turn's start query returned no row.");
            processed = row.GetBoolean(0);
            if (!row.IsDBNull(1))
            {
                profile = new PersonProfile
                {
                    PersonId = row.GetString(1),
                    Language = Text(row, 2),
                    PrivateChannel = Text(row, 3),
                    PrivateConversationId = Text(row, 4),
                    Unreachable = row.GetBoolean(5),
                    UpdatedAt = Instant(row, 6),
                };
            }
            if (!row.IsDBNull(7))
            {
                state = new ConversationState
                {
                    Id = row.GetString(7),
                    Channel = row.GetString(8),
                    ConversationId = row.GetString(9),
                    PersonId = row.GetString(10),
                    Language = Text(row, 11),
                    Dialog = Text(row, 12),
                    Step = Text(row, 13),
                    Data = row.GetString(14),
                    UpdatedAt = Instant(row, 15),
                    Version = row.GetInt32(16),
                };
            }
            waiting = row.IsDBNull(17) ? null : row.GetInt64(17);
        }
        if (profile is not null) db.Profiles.Attach(profile);
        if (state is not null) db.Conversations.Attach(state);
        return new TurnStart(processed, profile, state, waiting);
    }

    private static RawSqlCommand BuildStart(ServiceDeskDbContext db)
    {
        var command = db.GetService<IRawSqlCommandBuilder>().Build(StartSql, ["", "", "", ""]);
        if (!command.ParameterValues.Keys.SequenceEqual(["p0", "p1", "p2", "p3"]))
            throw new InvalidOperationException("EF Core named the turn's start query parameters " + string.Join(", ", command.ParameterValues.Keys) + ", not p0–p3.");
        return command;
    }

    private static string? Text(DbDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);

    private static DateTimeOffset Instant(DbDataReader row, int ordinal) => DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(ordinal));
}
