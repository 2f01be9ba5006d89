namespace Inventory.Cloud.Features.Sync.Push;

/// <summary>A push that is refused whole: nothing of it is applied, and the edge shows the reason.</summary>
public sealed class SyncRefusedException(int status, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;
    public string Title { get; } = title;

    public static SyncRefusedException Forbidden(string detail) => new(StatusCodes.Status403Forbidden, "Not this site's to write", detail);

    public static SyncRefusedException BadBatch(string detail) => new(StatusCodes.Status400BadRequest, "Bad sync batch", detail);
}
