import CYaml
import KeiDocument

/// A pass over libyaml's event stream (the events Yams composes its tree from) that runs before the
/// tree is built and refuses what would exhaust the machine, in time linear in the text:
///
/// - a text over the kind's ``YAMLLimits/maximumBytes``;
/// - an alias, a list or a mapping used as a mapping key (a key that may stand for a large structure,
///   hashed and compared whole by the tree builder; every key of the pipeline's files is a plain name);
/// - more than ``YAMLLimits/maximumNodes`` nodes, each alias counting as every node of what its anchor
///   names (so nine levels of nine aliases stop after a few hundred events instead of expanding);
/// - nesting deeper than ``YAMLLimits/maximumDepth`` lists and mappings, an alias counting the depth of
///   what it repeats.
///
/// Each of those stops the pass (`fatal`). The pass also reports *every* duplicate scalar key of every
/// mapping (key text compared as written), each at its own line and column with the line of the first,
/// where Yams stops at the first mapping with duplicates.
///
/// A syntax error ends the pass without a problem: every event before it was within the limits, so the
/// caller can let Yams compose the text and report the error in its usual words.
enum YAMLPrepass {
    struct Result {
        /// The problems found, in text order; file, 1-based line and column each.
        var problems: [WorkflowError.Problem] = []
        /// A limit was exceeded: the tree must not be built.
        var fatal = false
    }

    private struct Frame {
        var isMapping: Bool
        var anchor: String?
        /// ``Result``'s node count before this container's own node.
        var nodesBefore: Int
        /// The height of the tallest child so far (a scalar is 1).
        var childHeight = 0
        /// In a mapping: the next node is a key.
        var expectingKey = true
        /// In a mapping: each scalar key so far and the line it is on.
        var keys: [String: Int] = [:]
    }

    /// Checks `text` (the whole YAML stream) against `limits`, naming `file` in every problem.
    /// `maximumNodes` and `maximumDepth` default to the documented limits; tests pass smaller ones.
    static func check(_ text: String, file: String, limits: YAMLLimits,
                      maximumNodes: Int = YAMLLimits.maximumNodes,
                      maximumDepth: Int = YAMLLimits.maximumDepth) -> Result {
        var result = Result()
        let size = text.utf8.count
        if size > limits.maximumBytes {
            result.problems.append(.init(SourceLocation(file: file, line: 1),
                                         "\(limits.what) is \(size) bytes, over the limit of \(limits.maximumBytes) bytes (\(limits.sizeAdvice))"))
            result.fatal = true
            return result
        }
        var text = text
        text.withUTF8 { bytes in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            var walker = Walker(file: file, maximumNodes: maximumNodes, maximumDepth: maximumDepth)
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                let type = event.type
                let more = walker.take(event)
                yaml_event_delete(&event)
                if !more || type == YAML_STREAM_END_EVENT { break }
            }
            result.problems = walker.problems
            result.fatal = walker.fatal
        }
        return result
    }

    /// The state of one pass: the open containers, the anchors seen, the node count.
    private struct Walker {
        let file: String
        let maximumNodes: Int
        let maximumDepth: Int
        var problems: [WorkflowError.Problem] = []
        var fatal = false
        var stack: [Frame] = []
        /// Anchor name → (nodes, height) of the node it names (the latest, as anchors may be redefined).
        var anchors: [String: (nodes: Int, height: Int)] = [:]
        var nodes = 0

        init(file: String, maximumNodes: Int, maximumDepth: Int) {
            self.file = file
            self.maximumNodes = maximumNodes
            self.maximumDepth = maximumDepth
        }

        /// Takes one event; false when a limit stops the pass.
        mutating func take(_ event: yaml_event_t) -> Bool {
            let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
            let atKey = stack.last.map { $0.isMapping && $0.expectingKey } ?? false
            switch event.type {
            case YAML_SCALAR_EVENT:
                if atKey {
                    let key = String(decoding: UnsafeBufferPointer(start: event.data.scalar.value, count: Int(event.data.scalar.length)), as: UTF8.self)
                    if let first = stack[stack.count - 1].keys[key] {
                        refuse(line, column, "duplicate key '\(key)' in a mapping (first at line \(first)): a key may appear once; remove or merge one", fatal: false)
                    } else {
                        stack[stack.count - 1].keys[key] = line
                    }
                }
                nodes += 1
                if let anchor = Self.name(event.data.scalar.anchor) { anchors[anchor] = (1, 1) }
                guard withinBudget(line, column, nil) else { return false }
                finished(height: 1)
            case YAML_ALIAS_EVENT:
                let anchor = Self.name(event.data.alias.anchor) ?? ""
                if atKey {
                    return refuse(line, column, "the alias *\(anchor) is used as a mapping key: write the key out (an alias may stand for a large structure, so none is accepted as a key)")
                }
                // An unknown anchor counts as one node; Yams reports it when it composes.
                let named = anchors[anchor] ?? (1, 1)
                nodes += named.nodes
                guard withinBudget(line, column, (anchor, named.nodes)) else { return false }
                if stack.count + named.height > maximumDepth {
                    return refuse(line, column, "the alias *\(anchor) nests lists and mappings deeper than \(maximumDepth) levels (the depth cap): flatten the structure")
                }
                finished(height: named.height)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                if atKey {
                    return refuse(line, column, "a \(isMapping ? "mapping" : "list") is used as a mapping key: write a plain name (a key that is a structure is hashed and compared whole, so none is accepted)")
                }
                let anchor = Self.name(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
                stack.append(Frame(isMapping: isMapping, anchor: anchor, nodesBefore: nodes))
                nodes += 1
                if stack.count > maximumDepth {
                    return refuse(line, column, "lists and mappings nest deeper than \(maximumDepth) levels here (the depth cap): flatten the structure")
                }
                guard withinBudget(line, column, nil) else { return false }
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { return true }
                let height = frame.childHeight + 1
                if let anchor = frame.anchor { anchors[anchor] = (nodes - frame.nodesBefore, height) }
                finished(height: height)
            default:
                break
            }
            return true
        }

        /// A node of `height` is complete: the enclosing container grows, and a mapping alternates key and value.
        mutating func finished(height: Int) {
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].childHeight = max(stack[stack.count - 1].childHeight, height)
            if stack[stack.count - 1].isMapping { stack[stack.count - 1].expectingKey.toggle() }
        }

        /// False (after reporting) when the node count is over the budget; `alias` is the alias just counted.
        mutating func withinBudget(_ line: Int, _ column: Int, _ alias: (name: String, nodes: Int)?) -> Bool {
            guard nodes > maximumNodes else { return true }
            let here = alias.map { "the alias *\($0.name) repeats \($0.nodes) nodes and " } ?? ""
            return refuse(line, column, "\(here)the YAML describes more than \(maximumNodes) nodes (the node budget, which counts each alias as every node it repeats): write repeated parts out once, or use fewer aliases")
        }

        /// Records a problem at `line`:`column`; returns false, so a limit can `return refuse(…)`.
        @discardableResult
        mutating func refuse(_ line: Int, _ column: Int, _ message: String, fatal: Bool = true) -> Bool {
            problems.append(.init(SourceLocation(file: file, line: line, column: column), message))
            if fatal { self.fatal = true }
            return false
        }

        static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: $0) }
        }
    }
}
