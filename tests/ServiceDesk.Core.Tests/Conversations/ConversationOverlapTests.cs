using System.Data.Common;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServiceDesk.Core.Configuration;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tests.Harness;
using ServiceDesk.Core.Tests.Sla;
using ServiceDesk.Core.Tests.Storage;

namespace ServiceDesk.Core.Tests.Conversations;

/// <summary>Two turns of one conversation that overlap (a double click, two browser tabs open on one chat).</summary>
public sealed partial class ConversationOverlapTests
{
    [Fact]
    public async Task Engine_when_two_answers_overlap_on_sqlite_applies_both_one_after_the_other()
    {
        var overlap = new OverlappingConversationReads();
        var file = Path.Combine(Path.GetTempPath(), $"sd-overlap-{Guid.NewGuid():N}.db");
        try
        {
            using var store = new SqliteTestStore(file, overlap);
            await AnswersOverlapAsync(store, overlap);
        }
        finally
        {
            foreach (var path in new[] { file, file + "-wal", file + "-shm" }) File.Delete(path);
        }
    }

    [PostgresFact]
    public async Task Engine_when_two_answers_overlap_on_postgres_applies_both_one_after_the_other()
    {
        var (connection, drop) = await PostgresTestDatabase.CreateAsync();
        try
        {
            var overlap = new OverlappingConversationReads();
            var builder = new DbContextOptionsBuilder<ServiceDeskDbContext>();
            StoreRegistration.Configure(builder, new ServiceDeskOptions { Database = { Provider = "Postgres", ConnectionString = connection } });
            await AnswersOverlapAsync(new OptionsStore(builder.AddInterceptors(overlap).Options), overlap);
        }
        finally
        {
            await drop();
        }
    }

    private static async Task AnswersOverlapAsync(IDbContextFactory<ServiceDeskDbContext> store, OverlappingConversationReads overlap)
    {
        await using var desk = await TestDesk.StartAsync(configure: s =>
        {
            s.RemoveAll<IDbContextFactory<ServiceDeskDbContext>>();
            s.AddSingleton(store);
        });
        await desk.SendAsync("alice", "alice", "The printer on floor 3 jams every page");
        await desk.SendAsync("alice", "alice", "incident");
        await desk.SendAsync("alice", "alice", "other");

        // both turns read the conversation at the impact question before either saves
        overlap.Arm();
        await Task.WhenAll(desk.SendAsync("alice", "alice", "high"), desk.SendAsync("alice", "alice", "low"));

        Assert.Equal(2, overlap.Held);
        await using var db = store.CreateDbContext();
        var state = await db.Conversations.AsNoTracking().SingleAsync();
        var data = JsonDocument.Parse(state.Data).RootElement;
        // the later answer ran again on the state the earlier one left: it answered the urgency question
        Assert.NotEqual("urgency", state.Step);
        var answers = new[] { data.GetProperty("impact").GetString(), data.GetProperty("urgency").GetString() };
        Assert.Equal(["high", "low"], answers.Order(StringComparer.Ordinal));
    }

    private sealed class OptionsStore(DbContextOptions<ServiceDeskDbContext> options) : IDbContextFactory<ServiceDeskDbContext>
    {
        public ServiceDeskDbContext CreateDbContext() => new(options);
    }

    /// <summary>Once armed, holds the first two reads of a conversation's state until both have been made.</summary>
    private sealed partial class OverlappingConversationReads : DbCommandInterceptor
    {
        [GeneratedRegex("(FROM|JOIN) \"?conversations\"? ", RegexOptions.IgnoreCase)]
        private static partial Regex ConversationRead();

        private readonly TaskCompletionSource _both = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _armed;
        private int _arrived;

        public int Held => Math.Min(Volatile.Read(ref _arrived), 2);

        public void Arm() => Volatile.Write(ref _armed, 1);

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
            CancellationToken cancellationToken = default)
        {
            if (Volatile.Read(ref _armed) == 1 && ConversationRead().IsMatch(command.CommandText))
            {
                var arrived = Interlocked.Increment(ref _arrived);
                if (arrived == 2) _both.TrySetResult();
                if (arrived <= 2) await _both.Task.WaitAsync(TimeSpan.FromSeconds(20), cancellationToken);
            }
            return result;
        }
    }
}
