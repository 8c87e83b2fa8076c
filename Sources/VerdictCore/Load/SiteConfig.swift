import Foundation

/// `Content/site.yml`: settings that apply to the whole site.
public struct SiteConfig: Sendable {
    public var title: String
    /// Absolute URL the site is published at, always ending in `/`.
    public var baseURL: String
    /// Path part of `baseURL` (`/` or `/desk/`): every internal link starts with it.
    public var root: String
    public var theme: String
    public var description: String
    public var author: String
    public var language: String
    public var unsafeHTML: Bool
    /// `verdict check` warns when a review is this much older than the newest snapshot holding its model.
    public var staleAfterDays: Int
    /// Items per page on lists that grow with the site.
    public var pageSize: Int
    /// Where site.yml is and which line names the theme, for messages about the theme.
    var sourcePath = "site.yml"
    var themeLine = 1

    public static let fileName = "site.yml"

    /// site.yml as read from the content folder: nil when the folder has none, which is an error.
    static func decode(_ read: Result<SourceFile, Diagnostic>?, contentDisplay: String) -> (SiteConfig?, [Diagnostic]) {
        switch read {
        case .success(let file)?:
            return decode(file)
        case .failure(let diagnostic)?:
            return (nil, [diagnostic])
        case nil:
            return (nil, [Diagnostic(path: contentDisplay + "/" + fileName,
                                     "missing site.yml; create it with at least `title:` and `baseURL:`")])
        }
    }

    static func decode(_ file: SourceFile) -> (SiteConfig?, [Diagnostic]) {
        var fields: YAMLFields
        do {
            fields = try YAMLFields(yaml: file.text, path: file.path, firstLine: 1, document: fileName)
        } catch {
            return (nil, [error])
        }
        let title = fields.string("title", required: true)
        let base = fields.string("baseURL", required: true)
        var config = SiteConfig(
            title: title ?? "", baseURL: "/", root: "/",
            theme: fields.string("theme") ?? "default",
            description: fields.string("description") ?? "",
            author: fields.string("author") ?? title ?? "",
            language: fields.string("language") ?? "en",
            unsafeHTML: fields.bool("unsafeHTML") ?? false,
            staleAfterDays: fields.int("staleAfterDays", in: 1...36_500) ?? 180,
            pageSize: fields.int("pageSize", in: 1...10_000) ?? 50)
        config.sourcePath = file.path
        config.themeLine = fields.line(of: "theme")
        if let base {
            if let (url, root) = SiteConfig.parseBaseURL(base) {
                config.baseURL = url
                config.root = root
            } else {
                fields.diagnostics.error(file.path, fields.line(of: "baseURL"),
                                         "`baseURL` must be an absolute http(s) URL such as https://example.org/ or https://example.org/desk/, found \"\(base)\"")
            }
        }
        if !Slug.isValid(config.theme) {
            fields.diagnostics.error(file.path, fields.line(of: "theme"),
                                     "`theme` must name a folder under Themes/ using a-z, 0-9 and -, found \"\(config.theme)\"")
        }
        return (config, fields.diagnostics.items)
    }

    /// Normalises to a trailing slash and extracts the path used as the link prefix.
    static func parseBaseURL(_ text: String) -> (url: String, root: String)? {
        guard let components = URLComponents(string: text),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty,
              components.query == nil, components.fragment == nil
        else { return nil }
        var path = components.percentEncodedPath
        if path.isEmpty || !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        if path.contains("//") || path.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) { return nil }
        var url = "\(scheme)://\(host.lowercased())"
        if let port = components.port { url += ":\(port)" }
        url += path
        return (url, path)
    }
}
