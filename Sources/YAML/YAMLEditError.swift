/// Why a comment-preserving edit was refused: the text does not parse, holds several
/// documents, or the value at the path is not a plain, quoted or missing scalar. A
/// message with a location, like every other YAML problem.
///
/// Nothing is changed when this is thrown; the message says what to edit by hand.
public typealias YAMLEditError = YAMLError
