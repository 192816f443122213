"""ui/data"""
