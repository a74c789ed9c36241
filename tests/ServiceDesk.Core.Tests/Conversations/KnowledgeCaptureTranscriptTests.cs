using ServiceDesk.Core.Tests.Harness;

namespace ServiceDesk.Core.Tests.Conversations;

/// <summary>A solution becomes an article through chat (the real knowledge base on the store) and is suggested next time.</summary>
public sealed class KnowledgeCaptureTranscriptTests
{
    [Fact]
    public async Task Kb_draft_and_publish_when_a_ticket_is_resolved_make_the_solution_suggestable_at_once()
    {
        await using var desk = await TestDesk.StartAsync();
        await new Transcript(desk).PlayAsync("""
            ! intake alice > Plotter in room 204 prints everything with magenta stripes
            alice < Ticket SD-1 is open
            l1-team < 🎫 SD-1
            lena@l1-team > claim SD-1
            l1-team < in progress
            alice < Lena is working
            l1-team < You have taken SD-1.
            lena@l1-team > kb draft SD-1
            l1-team < SD-1 has no solution yet; resolve it first.
            lena@l1-team > resolve SD-1 Run the plotter head cleaning from its menu, then replace the magenta cartridge.
            l1-team < resolved
            alice < Your ticket SD-1 is resolved
            l1-team < SD-1 is resolved
            alice > kb draft SD-1
            alice < The command 'kb' is for the service desk engineers.
            lena@l1-team > kb draft SD-1
            l1-team < Draft article kb-sd-1 was made from SD-1. {Publish}
            bob > The plotter prints magenta stripes on every page
            bob < Is something broken
            bob > cancel
            bob < OK, cancelled.
            lena@l1-team > [Publish]
            l1-team < Article kb-sd-1 «Plotter in room 204 prints everything with magenta stripes» is published
            bob > The plotter prints magenta stripes on every page
            bob < Maybe one of these articles helps: /  / 1. Plotter in room 204 prints everything with magenta stripes
            bob > [✅ Plotter in room 204 prints everything with magenta stripes]
            bob < Great, glad it helped!
            """);
    }
}
