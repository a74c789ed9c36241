using ServiceDesk.Core.Tests.Harness;

namespace ServiceDesk.Core.Tests.Privacy;

/// <summary>
/// Forgetting a person on SQLite: the story of <see cref="PersonErasureStory"/> (one employee's whole story, a second
/// employee whose data must stay, the erasure and a scan of every column of every table), a repeat, an engineer, and an
/// intake given up (the same on PostgreSQL in <see cref="PersonErasurePostgresTests"/>).
/// </summary>
public sealed class PersonErasureTests
{
    [Fact]
    public async Task Erasure_after_a_whole_ticket_story_leaves_no_trace_of_the_person_in_any_table_and_keeps_the_other_requester_and_the_counts()
    {
        await using var desk = await TestDesk.StartAsync();
        await PersonErasureStory.PlayEraseAndCheckAsync(desk);
    }

    [Fact]
    public async Task Erasure_when_run_again_changes_nothing_and_reports_zeros()
    {
        await using var desk = await TestDesk.StartAsync();
        await PersonErasureStory.EraseTwiceAndCheckAsync(desk);
    }

    [Fact]
    public async Task Erasure_of_a_configured_engineer_pseudonymises_their_actions_and_says_the_settings_still_name_them()
    {
        await using var desk = await TestDesk.StartAsync();
        await PersonErasureStory.EraseAnEngineerAndCheckAsync(desk);
    }

    [Fact]
    public async Task Erasure_finds_the_knowledge_feedback_of_an_intake_the_person_gave_up()
    {
        await using var desk = await TestDesk.StartAsync();
        await PersonErasureStory.GiveUpAnIntakeEraseAndCheckAsync(desk);
    }
}
