using ServiceDesk.Core.Tests.Storage;

namespace ServiceDesk.Core.Tests.Privacy;

/// <summary>Forgetting a person on PostgreSQL (the store for several replicas): the same stories and checks as on SQLite.</summary>
public sealed class PersonErasurePostgresTests
{
    [PostgresFact]
    public async Task Postgres_when_a_person_is_erased_after_a_whole_ticket_story_leaves_no_trace_of_them_in_any_text_column_and_keeps_the_other_requester_and_the_counts()
    {
        var (desk, drop) = await PostgresStoreTests.StartOnPostgresAsync();
        try
        {
            await PersonErasureStory.PlayEraseAndCheckAsync(desk);
        }
        finally
        {
            await drop();
        }
    }

    [PostgresFact]
    public async Task Postgres_when_a_person_gave_an_intake_up_erasure_finds_their_knowledge_feedback()
    {
        var (desk, drop) = await PostgresStoreTests.StartOnPostgresAsync();
        try
        {
            await PersonErasureStory.GiveUpAnIntakeEraseAndCheckAsync(desk);
        }
        finally
        {
            await drop();
        }
    }

    [PostgresFact]
    public async Task Postgres_when_a_person_is_erased_twice_the_second_erasure_finds_nothing()
    {
        var (desk, drop) = await PostgresStoreTests.StartOnPostgresAsync();
        try
        {
            await PersonErasureStory.EraseTwiceAndCheckAsync(desk);
        }
        finally
        {
            await drop();
        }
    }

    [PostgresFact]
    public async Task Postgres_when_an_engineer_is_erased_their_actions_carry_the_pseudonym()
    {
        var (desk, drop) = await PostgresStoreTests.StartOnPostgresAsync();
        try
        {
            await PersonErasureStory.EraseAnEngineerAndCheckAsync(desk);
        }
        finally
        {
            await drop();
        }
    }
}
