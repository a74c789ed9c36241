using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServiceDesk.Core.Configuration;
using ServiceDesk.Core.Conversations;
using ServiceDesk.Core.Conversations.Texts;
using ServiceDesk.Core.Notifications;
using ServiceDesk.Core.People;
using ServiceDesk.Core.Sla;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Bot.Api;

/// <summary>The REST API for integrations: list and filter tickets, read one with its history, open one.</summary>
public static class TicketEndpoints
{
    public static IEndpointRouteBuilder MapTicketEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/tickets").WithTags("tickets").AddEndpointFilter<ApiKeyFilter>();
        api.MapGet("/", ListAsync);
        api.MapGet("/{key}", GetAsync);
        api.MapPost("/", CreateAsync);
        return app;
    }

    private static async Task<IResult> ListAsync(
        IDbContextFactory<ServiceDeskDbContext> factory,
        [FromQuery] TicketStatus? status, [FromQuery] SupportLine? line, [FromQuery] string? assignee, [FromQuery] string? requester,
        [FromQuery] int? offset, [FromQuery] int? limit, CancellationToken ct)
    {
        var take = limit ?? 50;
        var skip = offset ?? 0;
        if (take is < 1 or > 500 || skip < 0)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = ["limit must be 1..500 and offset not negative"] });
        await using var db = await factory.CreateDbContextAsync(ct);
        var q = db.Tickets.AsNoTracking();
        if (status is { } s) q = q.Where(t => t.Status == s);
        if (line is { } l) q = q.Where(t => t.Line == l);
        if (!string.IsNullOrEmpty(assignee)) q = q.Where(t => t.AssigneeId == assignee);
        if (!string.IsNullOrEmpty(requester)) q = q.Where(t => t.RequesterId == requester);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(t => t.Number).Skip(skip).Take(take).ToListAsync(ct);
        return Results.Ok(new TicketPage(items.Select(TicketResource.From).ToList(), total, skip, take));
    }

    private static async Task<IResult> GetAsync(string key, IDbContextFactory<ServiceDeskDbContext> factory, IOptions<ServiceDeskOptions> options, CancellationToken ct)
    {
        if (!TicketKey.TryParseNumber(key, options.Value.TicketPrefix, out var number))
            return Results.Problem($"'{key}' is not a ticket key (e.g. {options.Value.TicketPrefix}-12).", statusCode: 400);
        await using var db = await factory.CreateDbContextAsync(ct);
        var t = await db.Tickets.AsNoTracking().Include(x => x.Events.OrderBy(e => e.Id)).FirstOrDefaultAsync(x => x.Number == number, ct);
        return t is null
            ? Results.Problem($"Ticket {key} does not exist.", statusCode: 404)
            : Results.Ok(new TicketDetailResource(TicketResource.From(t), t.Description, t.Details, t.Events.Select(TicketEventResource.From).ToList()));
    }

    private static async Task<IResult> CreateAsync(
        CreateTicketRequest request, IDbContextFactory<ServiceDeskDbContext> factory, IOptions<ServiceDeskOptions> options, PeopleDirectory people,
        TextCatalog texts, TicketHooks hooks, TicketNumbers numbers, OutboxSignal signal, TimeProvider clock, CancellationToken ct, ISlaPreview? sla = null)
    {
        var o = options.Value;
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Title)) errors["title"] = ["title is required"];
        else if (request.Title.Length > 200) errors["title"] = ["title must be at most 200 characters"];
        if (request.Description is { Length: > 20_000 }) errors["description"] = ["description must be at most 20000 characters"];
        if (request.Requester is { } r && (r.IndexOf(':') is <= 0 || r.EndsWith(':'))) errors["requester"] = ["requester must be an identity channel:id"];
        var lang = request.Language ?? o.DefaultLanguage;
        if (!TextCatalog.SupportedLanguages.Contains(lang)) errors["language"] = ["language must be en, ru or pl"];
        if (errors.Count > 0) return Results.ValidationProblem(errors);

        var now = clock.GetUtcNow();
        var person = request.Requester is { } identity ? people.Resolve(identity, null) : null;
        var origin = request.Requester is { } id ? ConversationAddress.Parse(id) : new ConversationAddress(TicketNotifier.ApiChannel, "integration");
        var actor = person?.AsActor(origin.Channel) ?? new Actor("api", "API", TicketNotifier.ApiChannel);
        await using var db = await factory.CreateDbContextAsync(ct);
        var draft = new TicketDraft(request.Title!.Trim(), InputText.Clean(request.Description), request.Type ?? TicketType.Incident, request.Category,
            request.Impact ?? Level.Medium, request.Urgency ?? Level.Medium, request.Line ?? SupportLine.L1, origin.Channel, origin.ConversationId, lang);
        var ticket = await TicketFactory.OpenAsync(db, numbers, o.TicketPrefix, draft, actor, now, ct);
        var outbox = new OutboxWriter(db, now);
        var notifier = new TicketNotifier(db, outbox, texts, people, o, now);
        await notifier.OnEventAsync(ticket, ticket.LastEvent!, ticket.Line, ct);
        var slaText = SlaTargetsText.Describe(sla, ticket, texts, ticket.Language);
        notifier.TellRequester(ticket, "intake.created", null, ("key", ticket.Key), ("priority", ticket.Priority), ("sla", slaText));
        await hooks.RunAsync(db, outbox, now, ct);
        await db.SaveChangesAsync(ct);
        if (outbox.Queued) signal.Notify();
        return Results.Created($"/api/tickets/{ticket.Key}", TicketResource.From(ticket));
    }
}
