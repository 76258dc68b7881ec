namespace UzumBot.Rendering;

/// <summary>Builds inline keyboards row by row.</summary>
public sealed class Keyboard
{
    private readonly List<IReadOnlyList<Button>> _rows = [];

    public Keyboard Row(params Button[] buttons)
    {
        if (buttons.Length > 0) _rows.Add(buttons);
        return this;
    }

    /// <summary>Lays buttons out <paramref name="perRow"/> to a row.</summary>
    public Keyboard Grid(IEnumerable<Button> buttons, int perRow)
    {
        foreach (var chunk in buttons.Chunk(perRow)) _rows.Add(chunk);
        return this;
    }

    public IReadOnlyList<IReadOnlyList<Button>> Build() => _rows.ToArray();
}
