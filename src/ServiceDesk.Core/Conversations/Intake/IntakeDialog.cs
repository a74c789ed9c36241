using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using ServiceDesk.Core.Knowledge;
using ServiceDesk.Core.Sla;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Conversations.Intake;

/// <summary>
/// The intake conversation, run from its declarative definition: describe → knowledge-base suggestions → questions →
/// summary → ticket. Answers that do not fit a step are met with a re-prompt showing the choices, never an error.
/// </summary>
public sealed class IntakeDialog(
    IntakeDefinition definition,
    TicketNumbers numbers,
    ILogger<IntakeDialog> logger,
    IKnowledgeBase? knowledge = null,
    ISlaPreview? sla = null,
    Microsoft.Extensions.Options.IOptions<KnowledgeOptions>? knowledgeOptions = null) : IDialog
{
    private readonly int _suggestTop = knowledgeOptions?.Value.SuggestTop ?? 3;
    private const string NotThat = "notthat";
    private const string SolvedPrefix = "solved:";
    private const string Create = "create";
    private const string Skip = "skip";

    public string Name => ConversationEngine.IntakeDialogName;

    public async Task StartAsync(TurnContext ctx, string? firstText, CancellationToken ct)
    {
        var data = new IntakeData { Attachments = ctx.Message.Attachments.ToList() };
        ctx.State.Dialog = Name;
        var describe = definition.Steps.First(s => s.Store == "description");
        if (firstText is not null && firstText.Length >= describe.MinLength)
        {
            data.Description = firstText;
            await EnterAsync(ctx, data, definition.IndexOf(describe.Id) + 1, ct);
        }
        else
        {
            await EnterAsync(ctx, data, definition.IndexOf(describe.Id), ct);
        }
    }

    public async Task ContinueAsync(TurnContext ctx, string input, CancellationToken ct)
    {
        var data = IntakeState.Load(ctx.State);
        data.Attachments.AddRange(ctx.Message.Attachments);
        var index = definition.IndexOf(ctx.State.Step ?? "");
        if (index < 0)
        {
            await StartAsync(ctx, input, ct);
            return;
        }
        var step = definition.Steps[index];
        switch (step.Kind)
        {
            case "text":
                if (input.Length < step.MinLength)
                {
                    ctx.Reply(step.Retry ?? step.Prompt!);
                    return;
                }
                IntakeState.Store(data, step.Store, input);
                await EnterAsync(ctx, data, index + 1, ct);
                return;
            case "suggest":
                await SuggestAnswerAsync(ctx, data, step, index, input, ct);
                return;
            case "choice":
                if (IntakeState.Match(ctx, definition.ChoicesOf(step.ChoiceList!), input) is not { } choice)
                {
                    ctx.Reply("intake.choose");
                    Ask(ctx, data, step);
                    return;
                }
                IntakeState.Store(data, step.Store, choice.Id);
                await EnterAsync(ctx, data, index + 1, ct);
                return;
            case "questions":
                var questions = definition.Category(data.Category)?.Questions ?? [];
                if (data.QuestionIndex < questions.Count)
                    data.Details[questions[data.QuestionIndex].Id] = input.Equals(Skip, StringComparison.OrdinalIgnoreCase) ? "-" : input;
                data.QuestionIndex++;
                if (data.QuestionIndex < questions.Count)
                {
                    AskQuestion(ctx, data, questions[data.QuestionIndex]);
                    return;
                }
                await EnterAsync(ctx, data, index + 1, ct);
                return;
            case "confirm":
                if (input != Create && !string.Equals(input, ctx.T("button.create"), StringComparison.OrdinalIgnoreCase))
                {
                    ctx.Reply("intake.choose");
                    Ask(ctx, data, step);
                    return;
                }
                await CreateTicketAsync(ctx, data, ct);
                return;
        }
    }

    /// <summary>Runs steps from <paramref name="index"/> until one needs an answer (suggestions only when confident, questions only when the category has some).</summary>
    private async Task EnterAsync(TurnContext ctx, IntakeData data, int index, CancellationToken ct)
    {
        for (; index < definition.Steps.Count; index++)
        {
            var step = definition.Steps[index];
            if (step.Kind == "suggest")
            {
                if (await SuggestAsync(ctx, data, step, ct)) return;
                continue;
            }
            if (step.Kind == "questions")
            {
                var questions = definition.Category(data.Category)?.Questions ?? [];
                data.QuestionIndex = 0;
                if (questions.Count == 0) continue;
                ctx.State.Step = step.Id;
                AskQuestion(ctx, data, questions[0]);
                return;
            }
            ctx.State.Step = step.Id;
            Ask(ctx, data, step);
            return;
        }
    }

    private void Ask(TurnContext ctx, IntakeData data, IntakeStep step)
    {
        ctx.State.Step = step.Id;
        IntakeState.Save(ctx.State, data);
        switch (step.Kind)
        {
            case "choice":
                var choices = definition.ChoicesOf(step.ChoiceList!);
                var text = new StringBuilder(ctx.T(step.Prompt!));
                for (var i = 0; i < choices.Count; i++) text.Append($"\n{i + 1}. {ctx.T(choices[i].Label)}");
                ctx.ReplyText(text.ToString(), choices.Select(c => new MessageButton(ctx.T(c.Label), c.Id)).ToList());
                return;
            case "confirm":
                ctx.Reply(step.Prompt!, [new MessageButton(ctx.T("button.create"), Create), new MessageButton(ctx.T("button.cancel_intake"), "cancel")],
                    ("summary", Summary(ctx, data)), ("priority", PriorityOf(data)));
                return;
            default:
                ctx.Reply(step.Prompt!);
                return;
        }
    }

    private void AskQuestion(TurnContext ctx, IntakeData data, CategoryQuestion question)
    {
        IntakeState.Save(ctx.State, data);
        ctx.Reply(question.Prompt, [new MessageButton(ctx.T("button.skip"), Skip)]);
    }

    private async Task<bool> SuggestAsync(TurnContext ctx, IntakeData data, IntakeStep step, CancellationToken ct)
    {
        if (knowledge is null || data.Description is null) return false;
        KnowledgeSearchResult result;
        try
        {
            result = await knowledge.SearchAsync(data.Description, ctx.Language, _suggestTop, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Knowledge search failed; the intake goes on without suggestions");
            return false;
        }
        if (!result.Confident || result.Hits.Count == 0) return false;
        var hits = result.Hits.Take(_suggestTop).ToList();
        data.Suggested = hits.Select(h => h.ArticleId).ToList();
        ctx.State.Step = step.Id;
        IntakeState.Save(ctx.State, data);
        var text = new StringBuilder(ctx.T(step.Prompt!));
        for (var i = 0; i < hits.Count; i++)
            text.Append("\n\n").Append(ctx.T("intake.suggest_item", ("n", i + 1), ("title", hits[i].Title), ("snippet", hits[i].Snippet)));
        text.Append("\n\n").Append(ctx.T("intake.suggest_pick"));
        var buttons = hits.Select(h => new MessageButton(ctx.T("button.solved", ("title", h.Title)), SolvedPrefix + h.ArticleId)).ToList();
        buttons.Add(new MessageButton(ctx.T("button.not_that"), NotThat));
        ctx.ReplyText(text.ToString(), buttons);
        return true;
    }

    private async Task SuggestAnswerAsync(TurnContext ctx, IntakeData data, IntakeStep step, int index, string input, CancellationToken ct)
    {
        var query = data.Description ?? "";
        if (input.StartsWith(SolvedPrefix, StringComparison.Ordinal) && data.Suggested.Contains(input[SolvedPrefix.Length..]))
        {
            var article = input[SolvedPrefix.Length..];
            await Feedback(ctx, [article], query, true, ct);
            ctx.Db.Set<Deflection>().Add(new Deflection { At = ctx.Now, PersonId = ctx.Person.Id, Channel = ctx.Message.Channel, ArticleId = article, Query = query, Language = ctx.Language });
            IntakeState.End(ctx);
            ctx.Reply("intake.solved");
            return;
        }
        if (input == NotThat || string.Equals(input, ctx.T("button.not_that"), StringComparison.OrdinalIgnoreCase))
        {
            await Feedback(ctx, data.Suggested, query, false, ct);
            await EnterAsync(ctx, data, index + 1, ct);
            return;
        }
        ctx.Reply("intake.choose");
        if (!await SuggestAsync(ctx, data, step, ct)) await EnterAsync(ctx, data, index + 1, ct);
    }

    /// <summary>"Solved it" / "not that", saved with the turn.</summary>
    private async Task Feedback(TurnContext ctx, IReadOnlyList<string> articles, string query, bool helpful, CancellationToken ct)
    {
        try
        {
            if (knowledge is not null) await knowledge.RecordFeedbackAsync(ctx.Db, ctx.Person.Id, articles, query, helpful, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not record knowledge feedback for {Articles}", string.Join(", ", articles));
        }
    }

    private async Task CreateTicketAsync(TurnContext ctx, IntakeData data, CancellationToken ct)
    {
        var category = definition.Category(data.Category);
        var details = string.Join("\n", (category?.Questions ?? []).Where(q => data.Details.ContainsKey(q.Id))
            .Select(q => $"{ctx.T(q.Prompt)} {data.Details[q.Id]}"));
        var draft = new TicketDraft(
            TicketFactory.Shorten(data.Description ?? "", 80), data.Description ?? "", ValueOf(data.Type, "types", TicketType.Incident),
            category?.Id, ValueOf(data.Impact, "impact", Level.Medium), ValueOf(data.Urgency, "urgency", Level.Medium), category?.Line ?? SupportLine.L1,
            ctx.Message.Channel, ctx.Message.ConversationId, ctx.Language, details.Length == 0 ? null : details);
        var ticket = await TicketFactory.OpenAsync(ctx.Db, numbers, ctx.Options.TicketPrefix, draft, ctx.Actor, ctx.Now, ct);
        foreach (var a in data.Attachments)
            ticket.AddAttachment(ctx.Actor, new TicketAttachment { Channel = a.Channel, FileId = a.FileId, FileName = a.FileName, ContentType = a.ContentType, Size = a.Size, AddedAt = ctx.Now, AddedBy = ctx.Person.Id }, ctx.Now);
        IntakeState.End(ctx);
        await ctx.Notifier.OnEventAsync(ticket, ticket.Events[0], ticket.Line, ct);
        var slaText = SlaTargetsText.Describe(sla, ticket, ctx.Texts, ctx.Language);
        ctx.Send(new OutboundMessage
        {
            To = ctx.Message.ReplyAddress,
            Text = ctx.T("intake.created", ("key", ticket.Key), ("priority", ticket.Priority), ("sla", slaText)).Replace("  ", " "),
            TicketKey = ticket.Key,
        });
    }

    private string Summary(TurnContext ctx, IntakeData data)
    {
        string Label(string list, string? id) => definition.ChoicesOf(list).FirstOrDefault(c => c.Id == id) is { } c ? ctx.T(c.Label) : "-";
        var lines = new List<(string Field, string Value)>
        {
            ("description", data.Description ?? "-"), ("type", Label("types", data.Type)), ("category", Label("categories", data.Category)),
            ("impact", Label("impact", data.Impact)), ("urgency", Label("urgency", data.Urgency)),
        };
        var summary = string.Join("\n", lines.Select(l => ctx.T("intake.summary_line", ("name", ctx.T("intake.field." + l.Field)), ("value", l.Value))));
        foreach (var q in definition.Category(data.Category)?.Questions ?? [])
            if (data.Details.TryGetValue(q.Id, out var answer)) summary += "\n" + ctx.T("intake.summary_line", ("name", ctx.T(q.Prompt).TrimEnd('?')), ("value", answer));
        return summary;
    }

    private Priority PriorityOf(IntakeData data) =>
        PriorityMatrix.For(ValueOf(data.Impact, "impact", Level.Medium), ValueOf(data.Urgency, "urgency", Level.Medium));

    private T ValueOf<T>(string? id, string list, T fallback) where T : struct, Enum =>
        definition.ChoicesOf(list).FirstOrDefault(c => c.Id == id)?.Value is { } v && Enum.TryParse<T>(v, out var parsed) ? parsed : fallback;
}
