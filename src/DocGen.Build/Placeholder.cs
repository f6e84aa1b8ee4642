namespace DocGen.Build { internal static class Placeholder { } }
