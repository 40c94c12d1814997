/// The shipped themes, compiled in so the dashboard has them whatever its working
/// directory. Each text is the JSON of the file of the same name in the repository's
/// `themes/` folder, and a test checks that both give the same theme.
enum BuiltInThemes {
    /// Theme file contents by theme name.
    static let files: [String: String] = [
        "default": #"""
            {
              "name": "default",
              "description": "Light text on a dark background; the theme used when none is chosen.",
              "styles": {
                "base": { "foreground": "#d0d0d0", "background": "#1c1c1c" },
                "muted": { "foreground": "#a8a8a8" },
                "title": { "foreground": "#ffffff", "background": "#005f87", "bold": true },
                "header": { "foreground": "#ffd787", "bold": true },
                "selection": { "foreground": "#000000", "background": "#87afd7", "bold": true },
                "accent": { "foreground": "#87d7ff" },
                "success": { "foreground": "#87d787", "bold": true },
                "warning": { "foreground": "#ffd75f", "bold": true },
                "danger": { "foreground": "#ff8787", "bold": true },
                "reversal": { "foreground": "#d7afff" },
                "statusBar": { "foreground": "#e4e4e4", "background": "#303030" },
                "footer": { "foreground": "#c6c6c6", "background": "#262626" },
                "keyHint": { "foreground": "#ffd75f", "background": "#262626", "bold": true },
                "disabled": { "foreground": "#949494", "background": "#262626" },
                "banner": { "foreground": "#ffffff", "background": "#870000", "bold": true },
                "dialog": { "foreground": "#e4e4e4", "background": "#262626" },
                "border": { "foreground": "#87afd7", "background": "#262626" },
                "filter": { "foreground": "#ffffff", "background": "#3a3a3a" },
                "qrCode": { "foreground": "#000000", "background": "#ffffff" }
              }
            }
            """#,
        "light": #"""
            {
              "name": "light",
              "description": "Dark text on a light background.",
              "styles": {
                "base": { "foreground": "#1c1c1c", "background": "#fafafa" },
                "muted": { "foreground": "#5f5f5f" },
                "title": { "foreground": "#ffffff", "background": "#005f87", "bold": true },
                "header": { "foreground": "#5f3700", "bold": true },
                "selection": { "foreground": "#ffffff", "background": "#005faf", "bold": true },
                "accent": { "foreground": "#005f87" },
                "success": { "foreground": "#005f00", "bold": true },
                "warning": { "foreground": "#875f00", "bold": true },
                "danger": { "foreground": "#af0000", "bold": true },
                "reversal": { "foreground": "#5f00af" },
                "statusBar": { "foreground": "#1c1c1c", "background": "#e4e4e4" },
                "footer": { "foreground": "#303030", "background": "#eeeeee" },
                "keyHint": { "foreground": "#005f87", "background": "#eeeeee", "bold": true },
                "disabled": { "foreground": "#6c6c6c", "background": "#eeeeee" },
                "banner": { "foreground": "#ffffff", "background": "#af0000", "bold": true },
                "dialog": { "foreground": "#1c1c1c", "background": "#eeeeee" },
                "border": { "foreground": "#005f87", "background": "#eeeeee" },
                "filter": { "foreground": "#000000", "background": "#ffffd7" },
                "qrCode": { "foreground": "#000000", "background": "#ffffff" }
              }
            }
            """#,
        "high-contrast": #"""
            {
              "name": "high-contrast",
              "description": "Pure black and white with saturated accents, for low vision and bright rooms.",
              "styles": {
                "base": { "foreground": "#ffffff", "background": "#000000" },
                "muted": { "foreground": "#d0d0d0" },
                "title": { "foreground": "#000000", "background": "#ffffff", "bold": true },
                "header": { "foreground": "#ffff00", "bold": true, "underline": true },
                "selection": { "foreground": "#000000", "background": "#ffff00", "bold": true },
                "accent": { "foreground": "#00ffff", "underline": true },
                "success": { "foreground": "#00ff00", "bold": true },
                "warning": { "foreground": "#ffff00", "bold": true },
                "danger": { "foreground": "#ff5f5f", "bold": true },
                "reversal": { "foreground": "#ff87ff", "bold": true },
                "statusBar": { "foreground": "#ffffff", "background": "#1c1c1c" },
                "footer": { "foreground": "#ffffff", "background": "#000000" },
                "keyHint": { "foreground": "#ffff00", "background": "#000000", "bold": true },
                "disabled": { "foreground": "#bcbcbc", "background": "#000000" },
                "banner": { "foreground": "#ffffff", "background": "#af0000", "bold": true },
                "dialog": { "foreground": "#ffffff", "background": "#000000" },
                "border": { "foreground": "#ffff00", "background": "#000000", "bold": true },
                "filter": { "foreground": "#000000", "background": "#00ffff" },
                "qrCode": { "foreground": "#000000", "background": "#ffffff" }
              }
            }
            """#,
        "monochrome": #"""
            {
              "name": "monochrome",
              "description": "No colours, only bold, underline, dim and reverse; used when NO_COLOR is set or the terminal has no colours.",
              "styles": {
                "base": { "foreground": "default", "background": "default" },
                "muted": { "dim": true },
                "title": { "bold": true, "reverse": true },
                "header": { "bold": true, "underline": true },
                "selection": { "reverse": true },
                "accent": { "underline": true },
                "success": { "bold": true },
                "warning": { "bold": true, "underline": true },
                "danger": { "bold": true, "reverse": true },
                "reversal": { "underline": true },
                "statusBar": { "reverse": true },
                "footer": {},
                "keyHint": { "bold": true },
                "disabled": { "dim": true },
                "banner": { "bold": true, "reverse": true },
                "dialog": {},
                "border": { "bold": true },
                "filter": { "underline": true },
                "qrCode": {}
              }
            }
            """#,
    ]

    /// Names in the order help text lists them.
    static let names = ["default", "light", "high-contrast", "monochrome"]
}
