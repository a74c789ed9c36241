using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace ServiceDesk.Bot.Channels.DirectLine;

/// <summary>Reads a JSON object body under the size limit; malformed, oversized or non-JSON bodies become problems.</summary>
public sealed class DirectLineBodyReader(IOptions<WebChatOptions> options)
{
    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32 };

    /// <summary>The body as an object; null (and no failure) for an empty optional body.</summary>
    public async Task<BodyReadResult> ReadObjectAsync(HttpRequest request, bool required, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxBodyBytes;
        if (request.ContentLength > limit)
            return BodyReadResult.Fail(DirectLineProblems.TooLarge(limit));

        byte[] bytes;
        try
        {
            bytes = await ReadLimitedAsync(request.Body, limit, cancellationToken);
        }
        catch (BodyTooLargeException)
        {
            return BodyReadResult.Fail(DirectLineProblems.TooLarge(limit));
        }
        catch (BadHttpRequestException e)
        {
            return BodyReadResult.Fail(DirectLineProblems.Problem(e.StatusCode, "Bad request", "The request body could not be read."));
        }

        if (bytes.Length == 0 || IsWhitespace(bytes))
            return required ? BodyReadResult.Fail(DirectLineProblems.BadRequest("A JSON body is required.")) : BodyReadResult.Ok(null);

        var contentType = request.ContentType;
        if (!string.IsNullOrEmpty(contentType) && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
            return BodyReadResult.Fail(DirectLineProblems.UnsupportedMediaType());

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(bytes, NodeOptions, DocumentOptions);
        }
        catch (JsonException e)
        {
            return BodyReadResult.Fail(DirectLineProblems.BadRequest($"The body is not valid JSON: {e.Message}"));
        }

        return node is JsonObject obj
            ? BodyReadResult.Ok(obj)
            : BodyReadResult.Fail(DirectLineProblems.BadRequest("The body must be a JSON object."));
    }

    private static async Task<byte[]> ReadLimitedAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        // the chunk is borrowed (a body is read per posted message); the result is exactly the body's size
        var chunk = ArrayPool<byte>.Shared.Rent(8192);
        try
        {
            var read = await ReadFullyAsync(body, chunk, cancellationToken);
            if (read > limit)
                throw new BodyTooLargeException();
            if (read < chunk.Length)
                return chunk.AsSpan(0, read).ToArray(); // the usual case: the whole body fit in the first chunk
            using var buffer = new MemoryStream();
            do
            {
                if (buffer.Length + read > limit)
                    throw new BodyTooLargeException();
                buffer.Write(chunk, 0, read);
            }
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0);
            return buffer.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    /// <summary>Reads until the buffer is full or the body ends; the count read.</summary>
    private static async Task<int> ReadFullyAsync(Stream body, byte[] buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
            total += read;
        return total;
    }

    private static bool IsWhitespace(byte[] bytes) => bytes.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n');

    private sealed class BodyTooLargeException : Exception;
}

/// <summary>The parsed body (possibly null when optional) or the problem to answer with.</summary>
public readonly record struct BodyReadResult(JsonObject? Body, IResult? Failure)
{
    public static BodyReadResult Ok(JsonObject? body) => new(body, null);

    public static BodyReadResult Fail(IResult failure) => new(null, failure);
}
