using ServiceDesk.Core.Knowledge.Articles;
using ServiceDesk.Core.Storage;

namespace ServiceDesk.Core.Knowledge;

/// <summary>Feedback staged in a turn's unit of work: once that save commits, the knowledge base hears of it.</summary>
internal sealed class SavedFeedback(KnowledgeBase knowledge, IReadOnlyList<KnowledgeFeedback> items) : ISaveParticipant
{
    public Task BeforeSaveAsync(ServiceDeskDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    public void AfterSave(bool committed)
    {
        if (committed) knowledge.Heard(items);
    }
}
