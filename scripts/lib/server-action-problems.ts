import ts from "typescript";

const ACTION_BUILDERS = new Set(["userAction", "adminAction"]);

export function hasUseServerDirective(file: ts.SourceFile): boolean {
  const first = file.statements[0];
  return Boolean(
    first &&
      ts.isExpressionStatement(first) &&
      ts.isStringLiteral(first.expression) &&
      first.expression.text === "use server",
  );
}

function isExported(node: ts.Node): boolean {
  return (
    ts.canHaveModifiers(node) &&
    (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
  );
}

export function findServerActionProblems(file: ts.SourceFile): string[] {
  const problems: string[] = [];
  for (const statement of file.statements) {
    if (ts.isTypeAliasDeclaration(statement) || ts.isInterfaceDeclaration(statement)) continue;
    if (ts.isExportDeclaration(statement) || ts.isExportAssignment(statement)) {
      problems.push("re-exports and default exports are not allowed");
      continue;
    }
    if (!isExported(statement)) continue;
    if (!ts.isVariableStatement(statement)) {
      problems.push(
        `exports a ${ts.SyntaxKind[statement.kind]}; define actions with userAction/adminAction`,
      );
      continue;
    }
    for (const declaration of statement.declarationList.declarations) {
      const init = declaration.initializer;
      const builder =
        init && ts.isCallExpression(init) && ts.isIdentifier(init.expression)
          ? init.expression.text
          : null;
      if (!builder || !ACTION_BUILDERS.has(builder)) {
        problems.push(
          `export "${declaration.name.getText(file)}" is not built with userAction/adminAction`,
        );
      }
    }
  }
  return problems;
}
