using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Inventory.Edge.Infrastructure.Data;

/// <summary>Stores instants as Unix milliseconds: compact, sortable, and comparable in SQL without parsing text.</summary>
public sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.ToUnixTimeMilliseconds(),
    v => DateTimeOffset.FromUnixTimeMilliseconds(v));
