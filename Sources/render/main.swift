import RenderKit
print("render")
